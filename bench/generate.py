#!/usr/bin/env python3
"""Writes a synthetic NhipCau content folder for benchmarks (deterministic for a given size).

Usage: generate.py OUT_DIR [STORIES]
Default: 10,000 stories of 5-12 paragraphs, 300 policies, 12 markets, 5 yearly plans over
60 areas with quarterly progress split by market; and the trust register (register()): 600
enterprises, 3,000 job orders, 200 warnings (BENCH_REGISTER=0 leaves them out, to measure their
cost). Also writes OUT_DIR/../bodies.md, every Markdown body concatenated, for measuring the cmark floor.
"""
import datetime, json, os, random, sys

WORDS = ("người lao động đi làm việc ở nước ngoài theo hợp đồng thị trường Nhật Bản Hàn Quốc Đài Loan "
         "Đức thu nhập chi phí vay vốn ngân hàng chính sách xã hội học tiếng đào tạo nghề gia đình "
         "xã huyện tỉnh trở về khởi nghiệp tiết kiệm gửi tiền về nhà hợp đồng doanh nghiệp uy tín "
         "điều dưỡng cơ khí nông nghiệp xây dựng chế biến thủy sản điện tử bảo hiểm xã hội "
         # Words that fold together, as real Vietnamese text has them: one key, several forms, most pages.
         "có cô cố đã đà đa năm nam những nhưng bản bán bàn lương luồng được của các cho với là").split()
MARKETS = ["nhat-ban", "han-quoc", "dai-loan", "duc", "malaysia", "singapore", "uc", "phap",
           "ba-lan", "hungary", "romania", "trung-dong"]

def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 20))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."

def paragraph(rng):
    text = " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))
    if rng.random() < 0.2:
        text += " Xem thêm [thị trường](../markets/%s.md)." % rng.choice(MARKETS)
    return text

def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)

def main():
    out = sys.argv[1]
    stories = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    rng = random.Random(20261125)
    bodies = []
    write(os.path.join(out, "site.yml"), 'title: "Cổng thử hiệu năng"\nbase_url: https://bench.example.gov.vn/\n')
    areas = ["dia-ban-%02d" % i for i in range(60)]
    for slug in MARKETS:
        body = "\n\n".join(paragraph(rng) for _ in range(6))
        bodies.append(body)
        write(os.path.join(out, "markets", slug + ".md"),
              '---\ntitle: "Thị trường %s"\ncountry: "%s"\nincome_vnd: [%d, %d]\ncost_vnd: %d\ncontract: "3 năm"\nsectors: [cơ khí, nông nghiệp]\n---\n\n%s\n'
              % (slug, slug, rng.randint(15, 30) * 1000000, rng.randint(31, 70) * 1000000, rng.randint(30, 150) * 1000000, body))
    for i in range(300):
        body = "\n\n".join(paragraph(rng) for _ in range(rng.randint(4, 10)))
        bodies.append(body)
        write(os.path.join(out, "policies", "van-ban-%03d.md" % i),
              '---\ntitle: "Văn bản số %d"\nnumber: "%d/20%02d/NĐ-CP"\nissuer: "Chính phủ"\nissued: 20%02d-%02d-%02d\n---\n\n%s\n'
              % (i, i, 10 + i % 15, 10 + i % 15, 1 + i % 12, 1 + i % 28, body))
    for year in range(2021, 2026):
        plan_areas = []
        for area in areas:
            progress = []
            for quarter, end in enumerate(["03-31", "06-30", "09-30", "12-31"]):
                count = rng.randint(0, 12)
                split = {m: 0 for m in rng.sample(MARKETS, 3)}
                for _ in range(count):
                    split[rng.choice(list(split))] += 1
                progress.append({"date": "%d-%s" % (year, end), "count": count,
                                 "markets": {k: v for k, v in split.items() if v}})
            plan_areas.append({"id": area, "name": "Địa bàn %s" % area[-2:], "target": 25, "progress": progress})
        plan = {"title": "Kế hoạch năm %d" % year, "issuer": "UBND tỉnh Thử", "unit": "lao động",
                "period": {"start": "%d-01-01" % year, "end": "%d-12-31" % year},
                "target": 25 * len(areas), "areas": plan_areas}
        write(os.path.join(out, "targets", "ke-hoach-%d.json" % year), json.dumps(plan, ensure_ascii=False, indent=1))
    for i in range(stories):
        body = "\n\n".join(paragraph(rng) for _ in range(rng.randint(5, 12)))
        bodies.append(body)
        write(os.path.join(out, "stories", "cau-chuyen-%06d.md" % i),
              '---\ntitle: "Câu chuyện số %d"\ndate: 20%02d-%02d-%02d\nsummary: "%s"\nmarket: %s\narea: %s\ntags: [%s, %s]\n---\n\n%s\n'
              % (i, 15 + i % 11, 1 + i % 12, 1 + i % 28, sentence(rng), rng.choice(MARKETS), rng.choice(areas),
                 rng.choice(WORDS), rng.choice(WORDS), body))
    if os.environ.get("BENCH_REGISTER", "1") != "0":
        # 600 enterprises, 3,000 orders and 200 warnings beside 10,000 stories; as many per story for
        # smaller sites (the tests build an 80-story site with this generator).
        scale = lambda full, least: max(least, full * stories // 10000)
        register(out, areas, bodies, enterprises=scale(600, 6), jobs=scale(3000, 6), warnings=scale(200, 2))
    write(os.path.join(os.path.dirname(os.path.abspath(out)), "bodies.md"), "\n\n".join(bodies) + "\n")

def indicator_plans(out):
    """Plans only, for the cost of issue 19's target data: 60 areas x 4 indicators x 5 years, one
    series, quarterly schedule, a dated note a year, metadata on every indicator."""
    rng = random.Random(19)
    write(os.path.join(out, "site.yml"), 'title: "Cổng thử chỉ tiêu"\nbase_url: https://bench.example.gov.vn/\n')
    for slug in MARKETS:
        write(os.path.join(out, "markets", slug + ".md"), '---\ntitle: "Thị trường %s"\ncountry: "%s"\n---\n\nThị trường.\n' % (slug, slug))
    areas = ["dia-ban-%02d" % i for i in range(60)]
    for year in range(2021, 2026):
        indicators = []
        for number in range(4):
            plan_areas = []
            for area in areas:
                progress = [{"date": "%d-%s" % (year, end), "count": rng.randint(0, 12)}
                            for end in ["03-25", "06-25", "09-25", "12-25"] if rng.random() > 0.03]
                plan_areas.append({"id": area, "name": "Địa bàn %s" % area[-2:], "target": 25, "progress": progress})
            indicators.append({"id": "chi-tieu-%d" % number, "name": "Chỉ tiêu số %d" % number, "unit": "người",
                               "target": 25 * len(areas), "areas": plan_areas,
                               "about": {"source": "Kế hoạch thử", "method": "Đếm", "frequency": "Hằng quý",
                                         "responsible": "Phòng thử", "updated": "%d-12-31" % year}})
        plan = {"title": "Kế hoạch nhiều chỉ tiêu năm %d" % year, "issuer": "UBND tỉnh Thử",
                "period": {"start": "%d-01-01" % year, "end": "%d-12-31" % year},
                "series": "ke-hoach-cac-nam", "schedule": {"every": "quarter", "day": 25},
                "notes": [{"date": "%d-07-01" % year, "text": "Mốc thử"}], "indicators": indicators}
        write(os.path.join(out, "targets", "chi-tieu-%d.json" % year), json.dumps(plan, ensure_ascii=False, indent=1))
def register(out, areas, bodies, enterprises=600, jobs=3000, warnings=200):
    """The licensed-enterprise register, job orders and warnings, with a random generator of
    their own so the rest of the site stays the same with or without them. Every order is posted
    on a day its enterprise was licensed; about one enterprise in 20 is suspended and one in 30
    revoked on the build date (2026-11-25)."""
    rng = random.Random(17)
    day = lambda text: datetime.date.fromisoformat(text)
    firms = []
    for i in range(enterprises):
        issued = day("2015-01-01") + datetime.timedelta(days=rng.randint(0, 2900))
        suspension = revoked = None
        if i % 20 == 7:
            suspension = (day("2026-10-01"), day("2027-03-31"))
        elif i % 30 == 11:
            revoked = day("2026-06-01")
        markets = rng.sample(MARKETS, rng.randint(1, 4))
        slug = "doanh-nghiep-%03d" % i
        firms.append((slug, issued, suspension, revoked, markets))
        lines = ['name: "Công ty Cổ phần Cung ứng Nhân lực Thử %03d"' % i, 'short_name: "Nhân lực Thử %03d"' % i,
                 'licence: "%d/LĐTBXH-GP"' % (100 + i), "licence_issued: %s" % issued, "markets: [%s]" % ", ".join(markets),
                 'phone: "%s"' % phone_number(rng.choice(["0912", "0983", "024", "028"]), rng.randint(0, 999), rng.randint(0, 999))]
        if suspension:
            lines.append('suspensions:\n  - from: %s\n    to: %s\n    decision: "Quyết định %d/QĐ-LĐTBXH"' % (suspension[0], suspension[1], 500 + i))
        if revoked:
            lines.append('revoked:\n  date: %s\n  decision: "Quyết định %d/QĐ-LĐTBXH"' % (revoked, 900 + i))
        write(os.path.join(out, "enterprises", slug + ".md"), "---\n" + "\n".join(lines) + "\n---\n")
    licensed = lambda firm, when: (firm[1] <= when and not (firm[3] and firm[3] <= when)
                                   and not (firm[2] and firm[2][0] <= when <= firm[2][1]))
    for i in range(jobs):
        while True:
            firm = rng.choice(firms)
            posted = day("2025-01-01") + datetime.timedelta(days=rng.randint(0, 720))
            if licensed(firm, posted):
                break
        salary = rng.randint(15, 40) * 1000000
        months = rng.choice([12, 24, 36, 48])
        fee = min(salary * months // 12, salary * 3) * rng.randint(30, 100) // 100 // 1000 * 1000
        body = "\n\n".join(paragraph(rng) for _ in range(rng.randint(2, 5)))
        bodies.append(body)
        write(os.path.join(out, "jobs", "don-hang-%05d.md" % i),
              '---\ntitle: "Đơn hàng thử số %d"\ndate: %s\nenterprise: %s\nmarket: %s\noccupation: "%s"\npositions: %d\n'
              'apply_by: %s\nsalary_vnd: [%d, %d]\ncontract_months: %d\ncosts:\n  - item: "Tiền dịch vụ"\n    vnd: %d\n'
              '    kind: service_fee\n  - item: "Khám sức khỏe"\n    vnd: 1500000\nareas: [%s]\nsummary: "%s"\n---\n\n%s\n'
              % (i, posted, firm[0], rng.choice(firm[4]), rng.choice(["Cơ khí", "Điều dưỡng", "Chế biến thực phẩm", "Xây dựng"]),
                 rng.randint(1, 60), posted + datetime.timedelta(days=rng.randint(14, 120)), salary, salary + 5000000, months,
                 fee, rng.choice(areas), sentence(rng), body))
    for i in range(warnings):
        body = "\n\n".join(paragraph(rng) for _ in range(rng.randint(1, 3)))
        bodies.append(body)
        write(os.path.join(out, "warnings", "canh-bao-%04d.md" % i),
              '---\ntitle: "Cảnh báo thử số %d"\ndate: %s\nsource: "Sở Lao động – Thương binh và Xã hội tỉnh Thử, Công văn %d/SLĐTBXH"\n'
              'names: ["Công ty TNHH Tuyển dụng Giả %d", "0%d %03d %03d"]\nmarkets: [%s]\nareas: [%s]\n---\n\n%s\n'
              % (i, day("2024-01-01") + datetime.timedelta(days=rng.randint(0, 1050)), 300 + i, i, rng.choice([912, 988, 356]),
                 rng.randint(0, 999), rng.randint(0, 999), rng.choice(MARKETS), rng.choice(areas), body))

def phone_number(prefix, a, b):
    """A well-formed Vietnamese number: a mobile 09xx xxx xxx, or a landline 02x xxxx xxxx."""
    if prefix.startswith("02"):
        return "%s 3%03d 5%03d" % (prefix, a, b)
    return "%s %03d %03d" % (prefix, a, b)

if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--indicators":
        indicator_plans(sys.argv[2])
    else:
        main()
