import CLibCrypto
import Foundation

/// What a verifier needs years later, offline, to trust the seal (PAdES B-LT's document security
/// store): every certificate of the seal's chain and of the time-stamp authority's, and for each
/// certificate that names a CRL distribution point, the CRL, fetched now over HTTP, checked
/// against its issuer's key, and proof that the certificate was not revoked.
struct ValidationData {
    /// DER certificates, each once, in the order met (the seal's first).
    var certificates: [[UInt8]] = []
    /// DER CRLs, each once.
    var revocationLists: [[UInt8]] = []

    /// Gathers it for `certificates` (DER), fetching CRLs with `fetch`.
    /// - Throws: when a CRL cannot be fetched, read or checked, or lists a certificate as revoked:
    ///   the seal must not go out without the data that makes it verifiable.
    init(certificates: [[UInt8]], fetch: (String) throws -> [UInt8]) throws {
        for der in certificates where !self.certificates.contains(der) { self.certificates.append(der) }
        let parsed = self.certificates.compactMap(OpenSSL.certificate)
        defer { for certificate in parsed { X509_free(certificate) } }
        guard parsed.count == self.certificates.count else { throw SealingError("a certificate cannot be read") }
        var fetched: [String: OpaquePointer] = [:]
        defer { for list in fetched.values { X509_CRL_free(list) } }
        for certificate in parsed where X509_self_signed(certificate, 0) != 1 {
            let name = OpenSSL.name(X509_get_subject_name(certificate))
            for url in Self.distributionPoints(certificate) {
                let list: OpaquePointer
                if let known = fetched[url] {
                    list = known
                } else {
                    let bytes: [UInt8]
                    do { bytes = try fetch(url) } catch {
                        throw SealingError("the revocation list \(url) for \(name) cannot be fetched: \(error)")
                    }
                    guard let read = OpenSSL.revocationList(bytes) else {
                        ERR_clear_error()
                        throw SealingError("the revocation list \(url) cannot be read")
                    }
                    guard
                        parsed.contains(where: {
                            X509_NAME_cmp(X509_get_subject_name($0), X509_CRL_get_issuer(read)) == 0
                                && X509_CRL_verify(read, X509_get0_pubkey($0)) == 1
                        })
                    else {
                        X509_CRL_free(read)
                        ERR_clear_error()
                        throw SealingError("the revocation list \(url) is not signed by a certificate of the chain")
                    }
                    fetched[url] = read
                    list = read
                    revocationLists.append(try CMSSigner.der { i2d_X509_CRL(read, $0) })
                }
                var entry: OpaquePointer?
                if X509_CRL_get0_by_cert(list, &entry, certificate) == 1 {
                    throw SealingError("\(name) is revoked (\(url))")
                }
            }
        }
    }

    /// The http(s) CRL distribution points a certificate names.
    static func distributionPoints(_ certificate: OpaquePointer) -> [String] {
        var buffer = [CChar](repeating: 0, count: 8192)
        guard eg_crl_distribution_uris(certificate, &buffer, buffer.count) > 0 else { return [] }
        return String(cString: buffer).split(separator: "\n").map(String.init)
    }

    /// The certificates inside a CMS SignedData (DER ContentInfo): a seal's, or a time-stamp token's.
    static func certificates(inCMS der: [UInt8]) -> [[UInt8]] {
        let parsed = der.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            var pointer: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_CMS_ContentInfo(nil, &pointer, buffer.count)
        }
        guard let cms = parsed else {
            ERR_clear_error()
            return []
        }
        defer { CMS_ContentInfo_free(cms) }
        guard let stack = CMS_get1_certs(cms) else { return [] }
        defer { eg_sk_X509_pop_free(stack) }
        return (0..<eg_sk_X509_num(stack)).compactMap { try? OpenSSL.der(certificate: eg_sk_X509_value(stack, $0)) }
    }
}
