import CLibCrypto
import Foundation

/// An RFC 3161 time-stamp authority over HTTP (libcurl): a request for a SHA-256 imprint with a
/// nonce and the TSA's certificate asked for; the reply is checked against the request (imprint,
/// nonce, version), its status, and the TSA's signature and chain up to `trust` before its token
/// goes into the seal.
struct TimestampAuthority: Sendable {
    let url: String
    /// PEM certificates the TSA's reply must chain to.
    let trust: [UInt8]
    var timeoutSeconds = 30

    /// The trusted certificates, DER.
    var trustCertificates: [[UInt8]] { OpenSSL.certificates(pem: trust) }

    /// The token (a DER ContentInfo) over `imprint`.
    func token(for imprint: [UInt8]) throws -> [UInt8] {
        guard let request = TS_REQ_new() else { throw SealingError("out of memory") }
        defer { TS_REQ_free(request) }
        let message = TS_MSG_IMPRINT_new()
        let algorithm = X509_ALGOR_new()
        defer {
            X509_ALGOR_free(algorithm)
            TS_MSG_IMPRINT_free(message)
        }
        X509_ALGOR_set0(algorithm, OBJ_nid2obj(NID_sha256), V_ASN1_UNDEF, nil)
        var bytes = imprint
        guard TS_MSG_IMPRINT_set_algo(message, algorithm) == 1,
            TS_MSG_IMPRINT_set_msg(message, &bytes, Int32(bytes.count)) == 1,
            TS_REQ_set_msg_imprint(request, message) == 1, TS_REQ_set_version(request, 1) == 1,
            TS_REQ_set_cert_req(request, 1) == 1
        else { throw SealingError("time-stamp request") }
        let number = BN_new()
        defer { BN_free(number) }
        BN_rand(number, 64, -1, 0)
        let nonce = BN_to_ASN1_INTEGER(number, nil)
        defer { ASN1_INTEGER_free(nonce) }
        guard TS_REQ_set_nonce(request, nonce) == 1 else { throw SealingError("time-stamp nonce") }
        let query = try CMSSigner.der { i2d_TS_REQ(request, $0) }

        let reply: [UInt8]
        do {
            reply = try HTTPFetch.bytes(
                url, posting: query, contentType: "application/timestamp-query", timeoutSeconds: timeoutSeconds)
        } catch {
            throw SealingError("the time-stamp authority did not answer: \(error.description)")
        }
        let parsed = reply.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            var pointer: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_TS_RESP(nil, &pointer, buffer.count)
        }
        guard let response = parsed else { throw SealingError("the time-stamp authority's reply cannot be read") }
        defer { TS_RESP_free(response) }
        let status = ASN1_INTEGER_get(TS_STATUS_INFO_get0_status(TS_RESP_get_status_info(response)))
        guard status == 0 || status == 1 else {
            throw SealingError("the time-stamp authority refused (status \(status))")
        }
        guard let verify = TS_REQ_to_TS_VERIFY_CTX(request, nil) else { throw SealingError("time-stamp check") }
        defer { TS_VERIFY_CTX_free(verify) }
        TS_VERIFY_CTX_add_flags(verify, Int32(TS_VFY_SIGNATURE))
        TS_VERIFY_CTX_set_store(verify, try Self.store(trust))  // the context owns it
        guard TS_RESP_verify_response(verify, response) == 1 else {
            ERR_clear_error()
            throw SealingError("the time-stamp does not match the request or its authority is not trusted")
        }
        return try CMSSigner.der { i2d_PKCS7(TS_RESP_get_token(response), $0) }
    }

    /// A store with the PEM certificates of `pem`.
    static func store(_ pem: [UInt8]) throws(SealingError) -> OpaquePointer {
        guard let store = X509_STORE_new() else { throw SealingError("out of memory") }
        let bio = OpenSSL.memory(pem)
        defer { BIO_free(bio) }
        var added = 0
        while let certificate = PEM_read_bio_X509(bio, nil, nil, nil) {
            X509_STORE_add_cert(store, certificate)
            X509_free(certificate)
            added += 1
        }
        ERR_clear_error()  // the loop ends on "no start line"
        guard added > 0 else {
            X509_STORE_free(store)
            throw SealingError("no certificate in the trust file")
        }
        return store
    }
}
