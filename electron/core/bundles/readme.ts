// README.txt inside every bundle: how to read it without Amparo, with standard tools only.
export function readmeText(bundleId: string, fingerprint: string): string {
  return `This is an Amparo bundle (format 1), id ${bundleId}.
It holds case records as JSON (records/<kind>.json, UTF-8), the evidence files
with their original names (attachments/), and manifest.json, which lists every
file with its size and SHA-256. docs/bundle-format.md in Amparo describes it all.

To read it without Amparo (Debian/Ubuntu: apt install age coreutils openssl tar):

  age -d -o case.tar case.amparo           # asks for the passphrase
  age -d -i my-key.txt -o case.tar case.amparo   # or: with your age identity
  mkdir case && tar -xf case.tar -C case && cd case
  sha256sum -c SHA256SUMS                  # every file must say OK

To check who made it, check the signature of the manifest, then compare the
signer's fingerprint with the one the sender read to you by another channel:

  openssl pkeyutl -verify -pubin -inkey signer.pub.pem -rawin \\
    -in manifest.json -sigfile manifest.sig        # must say: Signature Verified Successfully
  openssl pkey -pubin -in signer.pub.pem -outform DER | sha256sum

The signer's fingerprint for this bundle is:
  ${fingerprint}
`;
}
