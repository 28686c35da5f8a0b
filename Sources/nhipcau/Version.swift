/// The one place the version is written. `make dist` names the tarball and the .deb from
/// `nhipcau --version`; the commit comes from Plugins/BuildInfo.
enum Version {
    static let number = "0.1.0"

    /// `nhipcau --version`: "0.1.0 (commit 1a2b3c4d5e6f)"; "unknown" when built outside a git checkout.
    static var description: String { "\(number) (commit \(BuildInfo.commit))" }
}
