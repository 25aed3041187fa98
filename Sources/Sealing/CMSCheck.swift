import CLibCrypto
import Foundation

/// The cryptographic half of `SealVerifier`: the CMS SignedData of a PAdES signature and its
/// signature time-stamp, through libcrypto.
enum CMSCheck {
    static func run(
        cms der: [UInt8], content: [UInt8], trust: [[UInt8]], partialChain: Bool, certificates: [[UInt8]],
        revocationLists: [[UInt8]], into report: inout SealReport
    ) throws(SealingError) {
        let parsed = der.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            var pointer: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_CMS_ContentInfo(nil, &pointer, buffer.count)
        }
        guard let cms = parsed else { throw SealingError("the signature is not a CMS structure") }
        defer { CMS_ContentInfo_free(cms) }
        guard OBJ_obj2nid(CMS_get0_type(cms)) == NID_pkcs7_signed,
            OBJ_obj2nid(CMS_get0_eContentType(cms)) == NID_pkcs7_data, CMS_is_detached(cms) == 1,
            let signers = CMS_get0_SignerInfos(cms), eg_sk_CMS_SignerInfo_num(signers) == 1,
            let signerInfo = eg_sk_CMS_SignerInfo_value(signers, 0)
        else { throw SealingError("the signature is not one detached CMS signer over the document") }

        let extra = eg_sk_X509_new_null()
        defer { eg_sk_X509_pop_free(extra) }
        for item in certificates { if let x = OpenSSL.certificate(item) { _ = eg_sk_X509_push(extra, x) } }
        let lists = revocationLists.compactMap(OpenSSL.revocationList)
        defer { for list in lists { X509_CRL_free(list) } }
        guard lists.count == revocationLists.count else { throw SealingError("an embedded CRL cannot be read") }

        // The signature time-stamp: over this signature value, by a TSA trusted at its own time.
        var time = Date()
        let location = CMS_unsigned_get_attr_by_NID(signerInfo, NID_id_smime_aa_timeStampToken, -1)
        if location < 0 {
            report.fail(.timestampInvalid, "no signature time-stamp")
        } else if let timestamp = checkTimestamp(
            signerInfo, attribute: location, trust: trust, partialChain: partialChain, lists: lists, into: &report)
        {
            time = timestamp
        }

        // The signature over the bytes, then the signer's chain at the time-stamp's time.
        func bio() -> OpaquePointer? { OpenSSL.memory(content) }
        let data = bio()
        defer { BIO_free(data) }
        let flags = UInt32(CMS_BINARY | CMS_DETACHED)
        guard CMS_verify(cms, extra, nil, data, nil, flags | UInt32(CMS_NO_SIGNER_CERT_VERIFY)) == 1 else {
            report.fail(.signatureBroken, "the signature does not match the document: " + OpenSSL.errors())
            return
        }
        if let stack = CMS_get0_signers(cms) {
            defer { eg_sk_X509_free(stack) }
            if eg_sk_X509_num(stack) == 1, let signer = eg_sk_X509_value(stack, 0) {
                report.signer = OpenSSL.name(X509_get_subject_name(signer))
                report.signerIssuer = OpenSSL.name(X509_get_issuer_name(signer))
                report.signerFingerprint = OpenSSL.fingerprint(signer)
                if !signingCertificateMatches(signerInfo, signer) {
                    report.fail(.signatureBroken, "signingCertificateV2 does not name the signer's certificate")
                }
            }
        }
        let store = try store(trust, at: time, partialChain: partialChain, lists: lists)
        defer { X509_STORE_free(store) }
        let again = bio()
        defer { BIO_free(again) }
        if CMS_verify(cms, extra, store, again, nil, flags) != 1 {
            report.fail(.untrusted, "the seal's certificate is not trusted: " + OpenSSL.errors())
        }
    }

    /// Verifies the time-stamp token; its time, or nil (with the failure recorded).
    static func checkTimestamp(
        _ signerInfo: OpaquePointer, attribute location: Int32, trust: [[UInt8]], partialChain: Bool,
        lists: [OpaquePointer], into report: inout SealReport
    ) -> Date? {
        guard let value = X509_ATTRIBUTE_get0_data(CMS_unsigned_get_attr(signerInfo, location), 0, V_ASN1_SEQUENCE, nil)
        else {
            report.fail(.timestampInvalid, "the time-stamp attribute cannot be read")
            return nil
        }
        let sequence = value.assumingMemoryBound(to: ASN1_STRING.self)
        var pointer: UnsafePointer<UInt8>? = ASN1_STRING_get0_data(sequence)
        guard let token = d2i_PKCS7(nil, &pointer, Int(ASN1_STRING_length(sequence))) else {
            report.fail(.timestampInvalid, "the time-stamp token cannot be read")
            return nil
        }
        defer { PKCS7_free(token) }
        guard let info = PKCS7_to_TS_TST_INFO(token) else {
            report.fail(.timestampInvalid, "the time-stamp token has no TSTInfo")
            return nil
        }
        defer { TS_TST_INFO_free(info) }
        guard let time = OpenSSL.date(TS_TST_INFO_get_time(info)) else {
            report.fail(.timestampInvalid, "the time-stamp's time cannot be read")
            return nil
        }
        report.timestamp = time
        if let name = eg_general_name_directory(TS_TST_INFO_get_tsa(info)) {
            report.timestampAuthority = OpenSSL.name(name)
        }
        // The imprint: the signature value hashed with the token's own algorithm.
        var object: OpaquePointer?
        X509_ALGOR_get0(&object, nil, nil, TS_MSG_IMPRINT_get_algo(TS_TST_INFO_get_msg_imprint(info)))
        guard let digest = EVP_get_digestbyname(OBJ_nid2sn(OBJ_obj2nid(object))), EVP_MD_get_size(digest) >= 32,
            let imprint = eg_openssl_malloc(Int(EVP_MAX_MD_SIZE))?.assumingMemoryBound(to: UInt8.self)
        else {
            report.fail(.timestampInvalid, "the time-stamp's digest algorithm is not acceptable")
            return nil
        }
        let signature = CMS_SignerInfo_get0_signature(signerInfo)
        var length: UInt32 = 0
        EVP_Digest(ASN1_STRING_get0_data(signature), Int(ASN1_STRING_length(signature)), imprint, &length, digest, nil)
        guard let context = TS_VERIFY_CTX_new() else {
            eg_openssl_free(imprint)
            return nil
        }
        defer { TS_VERIFY_CTX_free(context) }
        _ = TS_VERIFY_CTX_set_flags(context, Int32(TS_VFY_VERSION | TS_VFY_SIGNATURE | TS_VFY_IMPRINT))
        _ = TS_VERIFY_CTX_set_imprint(context, imprint, Int(length))  // the context owns it
        guard let store = try? store(trust, at: time, partialChain: partialChain, lists: lists) else {
            report.fail(.timestampInvalid, "no trust roots")
            return nil
        }
        _ = TS_VERIFY_CTX_set_store(context, store)  // and this
        guard TS_RESP_verify_token(context, token) == 1 else {
            report.fail(.timestampInvalid, "the time-stamp does not verify: " + OpenSSL.errors())
            return nil
        }
        return time
    }

    /// A store of `trust` judging chains at `time`, with the embedded CRLs when there are any.
    static func store(
        _ trust: [[UInt8]], at time: Date, partialChain: Bool, lists: [OpaquePointer]
    ) throws(SealingError) -> OpaquePointer {
        guard let store = X509_STORE_new() else { throw SealingError("out of memory") }
        for der in trust {
            guard let certificate = OpenSSL.certificate(der) else { continue }
            X509_STORE_add_cert(store, certificate)
            X509_free(certificate)
        }
        let parameters = X509_STORE_get0_param(store)
        X509_VERIFY_PARAM_set_time(parameters, time_t(time.timeIntervalSince1970))
        // A company seal's certificate need not carry the e-mail protection purpose.
        _ = X509_VERIFY_PARAM_set_purpose(parameters, X509_PURPOSE_ANY)
        var flags = UInt(0)
        if partialChain { flags |= UInt(X509_V_FLAG_PARTIAL_CHAIN) }
        if !lists.isEmpty {
            for list in lists { X509_STORE_add_crl(store, list) }
            flags |= UInt(X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL)
            // The CRLs were fetched after the time-stamp (not yet valid at its time) and will expire:
            // what counts is that they do not list the certificates.
            X509_STORE_set_verify_cb(store) { ok, context in
                let error = X509_STORE_CTX_get_error(context)
                if ok == 0, error == X509_V_ERR_CRL_NOT_YET_VALID || error == X509_V_ERR_CRL_HAS_EXPIRED {
                    X509_STORE_CTX_set_error(context, X509_V_OK)
                    return 1
                }
                return ok
            }
        }
        if flags != 0 { X509_STORE_set_flags(store, flags) }
        return store
    }

    /// Whether the signed signingCertificateV2 attribute names `signer` (CMS_verify does not check it).
    static func signingCertificateMatches(_ signerInfo: OpaquePointer, _ signer: OpaquePointer) -> Bool {
        guard
            let value = CMS_signed_get0_data_by_OBJ(
                signerInfo, OBJ_nid2obj(NID_id_smime_aa_signingCertificateV2), -3, V_ASN1_SEQUENCE)
        else { return false }
        let sequence = value.assumingMemoryBound(to: ASN1_STRING.self)
        var pointer: UnsafePointer<UInt8>? = ASN1_STRING_get0_data(sequence)
        guard let attribute = d2i_ESS_SIGNING_CERT_V2(nil, &pointer, Int(ASN1_STRING_length(sequence))) else {
            return false
        }
        defer { ESS_SIGNING_CERT_V2_free(attribute) }
        let chain = eg_sk_X509_new_null()
        defer { eg_sk_X509_free(chain) }
        _ = eg_sk_X509_push(chain, signer)
        return OSSL_ESS_check_signing_certs(nil, attribute, chain, 1) == 1
    }
}
