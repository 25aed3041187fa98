import CLibCrypto
import Foundation

/// The company's seal: a key, its certificate and chain from a PKCS#12 file, making the CMS
/// SignedData a PAdES signature holds (`ETSI.CAdES.detached`): signed attributes contentType,
/// messageDigest and signingCertificateV2 (no signingTime: PAdES takes the time from `/M`), and
/// the RFC 3161 signature time-stamp as an unsigned attribute. Through libcrypto (OpenSSL 3).
///
/// OpenSSL 3.0's `CMS_final` always adds signingTime, so the signed attributes are signed here:
/// DER-encoded as the sorted SET OF that will be written, then `EVP_DigestSign`.
final class CMSSigner: @unchecked Sendable {
    private let key: OpaquePointer
    private let certificate: OpaquePointer
    private let chain: OpaquePointer?

    init(pkcs12 der: [UInt8], password: String) throws(SealingError) {
        let parsed = der.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            var pointer: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_PKCS12(nil, &pointer, buffer.count)
        }
        guard let p12 = parsed else { throw SealingError("the PKCS#12 file cannot be read") }
        defer { PKCS12_free(p12) }
        var key: OpaquePointer?
        var certificate: OpaquePointer?
        var chain: OpaquePointer?
        guard PKCS12_parse(p12, password, &key, &certificate, &chain) == 1, let key, let certificate else {
            ERR_clear_error()
            throw SealingError("the PKCS#12 file cannot be opened with the configured password")
        }
        self.key = key
        self.certificate = certificate
        self.chain = chain
    }

    /// The seal's certificate and its chain, DER, the seal's first.
    var certificates: [[UInt8]] {
        var result: [[UInt8]] = []
        if let der = try? OpenSSL.der(certificate: certificate) { result.append(der) }
        if let chain {
            for index in 0..<eg_sk_X509_num(chain) {
                if let der = try? OpenSSL.der(certificate: eg_sk_X509_value(chain, index)) { result.append(der) }
            }
        }
        return result
    }

    deinit {
        EVP_PKEY_free(key)
        X509_free(certificate)
        if let chain { eg_sk_X509_pop_free(chain) }
    }

    /// The DER CMS over `content` (the ByteRange of the PDF), time-stamped by `timestamp`, which
    /// gets the SHA-256 of the signature value and returns the token (a DER ContentInfo).
    func sign(content: [[UInt8]], timestamp: ([UInt8]) throws -> [UInt8]) throws -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        guard let context = EVP_MD_CTX_new() else { throw SealingError("out of memory") }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else { throw SealingError("SHA-256") }
        for part in content { _ = part.withUnsafeBytes { EVP_DigestUpdate(context, $0.baseAddress, $0.count) } }
        var length: UInt32 = 0
        guard EVP_DigestFinal_ex(context, &digest, &length) == 1 else { throw SealingError("SHA-256") }

        let flags = UInt32(CMS_DETACHED | CMS_BINARY | CMS_PARTIAL)
        guard let cms = CMS_sign(nil, nil, nil, nil, flags) else { throw SealingError("CMS_sign") }
        defer { CMS_ContentInfo_free(cms) }
        let signerFlags = UInt32(CMS_BINARY | CMS_PARTIAL | CMS_NOSMIMECAP | CMS_CADES)
        // CMS_CADES with an explicit SHA-256 adds signingCertificateV2 (with nil, the SHA-1 v1).
        guard let signer = CMS_add1_signer(cms, certificate, key, EVP_sha256(), signerFlags) else {
            throw SealingError("CMS_add1_signer")
        }
        if let chain {
            for index in 0..<eg_sk_X509_num(chain) { CMS_add1_cert(cms, eg_sk_X509_value(chain, index)) }
        }
        guard
            CMS_signed_add1_attr_by_NID(
                signer, NID_pkcs9_contentType, V_ASN1_OBJECT, UnsafeRawPointer(OBJ_nid2obj(NID_pkcs7_data)), -1) > 0,
            CMS_signed_add1_attr_by_NID(signer, NID_pkcs9_messageDigest, V_ASN1_OCTET_STRING, digest, 32) > 0
        else { throw SealingError("signed attributes") }

        // DER(SET OF attributes), sorted as OpenSSL's encoder writes them, signed by us.
        var attributes: [[UInt8]] = []
        for index in 0..<CMS_signed_get_attr_count(signer) {
            attributes.append(try Self.der { i2d_X509_ATTRIBUTE(CMS_signed_get_attr(signer, index), $0) })
        }
        attributes.sort { left, right in
            for (a, b) in zip(left, right) where a != b { return a < b }
            return left.count < right.count
        }
        let body = attributes.flatMap { $0 }
        var toSign: [UInt8] = [0x31]
        switch body.count {
        case ..<0x80: toSign.append(UInt8(body.count))
        case ..<0x100: toSign += [0x81, UInt8(body.count)]
        case ..<0x10000: toSign += [0x82, UInt8(body.count >> 8), UInt8(body.count & 0xFF)]
        default: throw SealingError("signed attributes too long")
        }
        toSign += body
        guard let signing = EVP_MD_CTX_new() else { throw SealingError("out of memory") }
        defer { EVP_MD_CTX_free(signing) }
        var signatureLength = 0
        guard EVP_DigestSignInit(signing, nil, EVP_sha256(), nil, key) == 1,
            EVP_DigestSign(signing, nil, &signatureLength, toSign, toSign.count) == 1
        else { throw SealingError("EVP_DigestSign") }
        var signature = [UInt8](repeating: 0, count: signatureLength)
        guard EVP_DigestSign(signing, &signature, &signatureLength, toSign, toSign.count) == 1 else {
            throw SealingError("EVP_DigestSign")
        }
        let value = CMS_SignerInfo_get0_signature(signer)
        guard ASN1_STRING_set(value, signature, Int32(signatureLength)) == 1 else { throw SealingError("signature") }

        // The signature time-stamp, over the signature value (id-aa-signatureTimeStampToken).
        var imprint = [UInt8](repeating: 0, count: 32)
        _ = SHA256(Array(signature[0..<signatureLength]), signatureLength, &imprint)
        let token = try timestamp(imprint)
        guard
            CMS_unsigned_add1_attr_by_NID(
                signer, NID_id_smime_aa_timeStampToken, V_ASN1_SEQUENCE, token, Int32(token.count)) > 0
        else { throw SealingError("time-stamp attribute") }
        return try Self.der { i2d_CMS_ContentInfo(cms, $0) }
    }

    /// The DER an OpenSSL `i2d_…` writes: called once for the length, once into the bytes.
    static func der(
        _ encode: (UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>?) -> Int32
    ) throws(SealingError)
        -> [UInt8]
    {
        let length = encode(nil)
        guard length > 0 else { throw SealingError("DER encoding") }
        var bytes = [UInt8](repeating: 0, count: Int(length))
        bytes.withUnsafeMutableBufferPointer { buffer in
            var pointer: UnsafeMutablePointer<UInt8>? = buffer.baseAddress
            _ = encode(&pointer)
        }
        return bytes
    }
}
