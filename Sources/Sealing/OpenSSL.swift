import CLibCrypto
import Foundation

/// Small helpers over libcrypto's X.509 and error APIs, shared by sealing and verifying.
enum OpenSSL {
    /// A memory BIO holding a copy of `bytes` (a read-only BIO over an array's storage would
    /// outlive the closure that lends it).
    static func memory(_ bytes: [UInt8]) -> OpaquePointer? {
        guard let bio = BIO_new(BIO_s_mem()) else { return nil }
        if !bytes.isEmpty { _ = bytes.withUnsafeBytes { BIO_write(bio, $0.baseAddress, Int32($0.count)) } }
        return bio
    }

    /// A certificate from DER, or nil.
    static func certificate(_ der: [UInt8]) -> OpaquePointer? {
        der.withUnsafeBufferPointer { buffer in
            var pointer: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_X509(nil, &pointer, buffer.count)
        }
    }

    /// A certificate revocation list from DER or PEM, or nil.
    static func revocationList(_ bytes: [UInt8]) -> OpaquePointer? {
        if bytes.starts(with: Array("-----BEGIN".utf8)) {
            let bio = memory(bytes)
            defer { BIO_free(bio) }
            return PEM_read_bio_X509_CRL(bio, nil, nil, nil)
        }
        return bytes.withUnsafeBufferPointer { buffer in
            var pointer: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_X509_CRL(nil, &pointer, buffer.count)
        }
    }

    static func der(certificate: OpaquePointer) throws(SealingError) -> [UInt8] {
        try CMSSigner.der { i2d_X509(certificate, $0) }
    }

    /// Every certificate of a PEM file, as DER.
    static func certificates(pem: [UInt8]) -> [[UInt8]] {
        let bio = memory(pem)
        defer { BIO_free(bio) }
        var result: [[UInt8]] = []
        while let certificate = PEM_read_bio_X509(bio, nil, nil, nil) {
            if let der = try? der(certificate: certificate) { result.append(der) }
            X509_free(certificate)
        }
        ERR_clear_error()  // the loop ends on "no start line"
        return result
    }

    /// `CN=…,O=…,C=…` (RFC 2253, UTF-8).
    static func name(_ name: OpaquePointer?) -> String {
        guard let name, let bio = BIO_new(BIO_s_mem()) else { return "" }
        defer { BIO_free(bio) }
        _ = X509_NAME_print_ex(bio, name, 0, eg_name_flags_rfc2253_utf8())
        var text: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 512)
        while true {
            let read = BIO_read(bio, &buffer, Int32(buffer.count))
            guard read > 0 else { break }
            text += buffer[0..<Int(read)]
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The certificate's SHA-256 fingerprint, `AB:CD:…`.
    static func fingerprint(_ certificate: OpaquePointer) -> String {
        var digest = [UInt8](repeating: 0, count: 64)
        var length: UInt32 = 0
        _ = X509_digest(certificate, EVP_sha256(), &digest, &length)
        return digest[0..<Int(length)].map { String(format: "%02X", $0) }.joined(separator: ":")
    }

    /// What libcrypto's error queue says (emptied), for a message.
    static func errors() -> String {
        var messages: [String] = []
        while true {
            var data: UnsafePointer<CChar>?
            var flags: Int32 = 0
            let code = ERR_get_error_all(nil, nil, nil, &data, &flags)
            guard code != 0 else { break }
            var text = ERR_reason_error_string(code).map { String(cString: $0) } ?? "error \(code)"
            if let data, flags & ERR_TXT_STRING != 0, data.pointee != 0 { text += " (\(String(cString: data)))" }
            if !messages.contains(text) { messages.append(text) }
        }
        return messages.joined(separator: "; ")
    }

    /// `time` (an ASN1_TIME) as a date.
    static func date(_ time: UnsafePointer<ASN1_TIME>?) -> Date? {
        guard let time else { return nil }
        var parts = tm()
        guard ASN1_TIME_to_tm(time, &parts) == 1 else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }
}
