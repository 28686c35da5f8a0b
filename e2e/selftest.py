"""Proves the gate can fail: runs it on e2e/fixtures/broken/, a site with an image without alt text, a
broken link, an obsolete element and a block wider than a phone, and expects exactly the link, axe,
Nu and overflow checks to fail, each with a message that names the page and the fault. Every other
check must still pass on that site.

    .venv/bin/python e2e/selftest.py --nhipcau .build/debug/nhipcau
"""
import argparse
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "fixtures" / "broken" / "content"

# (what is broken, the check that must fail, a line of its report that must appear)
EXPECTED_FAILURES = [
    ("a link to a page that does not exist", "links",
     r"broken link: /xkld/khong-co-trang-nay/ answers 404; linked from /xkld/loi/ <a href=\"\.\./khong-co-trang-nay/\">"),
    ("an image without alt text", "axe",
     r"/xkld/loi/ \(page\) at 360 px, light: image-alt \(critical\): Images must have alternative text"),
    ("a block wider than a phone", "overflow",
     r"/xkld/loi/ \(page\) at 360×740: document is \d+ px wide in a 360 px viewport; sticking out: div\.rong"),
    ("an obsolete element", "nu-html",
     r"loi/index\.html:\d+: The .center. element is obsolete"),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nhipcau", required=True)
    parser.add_argument("--screenshots", default=str(HERE.parent / ".e2e" / "selftest-screenshots"))
    arguments = parser.parse_args()
    run = subprocess.run([sys.executable, str(HERE / "gate.py"), "--nhipcau", arguments.nhipcau, "--content", str(FIXTURE),
                          "--any-kinds", "--screenshots", arguments.screenshots], capture_output=True, text=True)
    output = run.stdout + run.stderr
    print("e2e-selftest: the gate's report on e2e/fixtures/broken/:")
    print("".join(f"  | {line}\n" for line in output.splitlines()), end="")
    failed_checks = set(re.findall(r"^FAIL ([\w-]+):", output, flags=re.M))
    passed_checks = set(re.findall(r"^PASS ([\w-]+):", output, flags=re.M))
    results = [("the gate exits with status 1", run.returncode == 1)]
    for fault, check, pattern in EXPECTED_FAILURES:
        results.append((f"{fault} fails `{check}`, naming the page", check in failed_checks and re.search(pattern, output, flags=re.M) is not None))
    expected_names = {check for _, check, _ in EXPECTED_FAILURES}
    results.append((f"only {', '.join(sorted(expected_names))} fail (others: {', '.join(sorted(passed_checks)) or 'none'} pass)",
                    failed_checks == expected_names and len(passed_checks) >= 4))
    for description, ok in results:
        print(f"{'ok  ' if ok else 'FAIL'} {description}")
    passed = sum(ok for _, ok in results)
    print(f"e2e-selftest: {passed} passed, {len(results) - passed} failed")
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
