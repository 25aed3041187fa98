import Foundation
import Testing
import Webhooks

@Suite("Standard Webhooks signatures and the address guard")
struct WebhookSignatureTests {
    /// The example from the Standard Webhooks specification's reference libraries.
    @Test func theSpecificationsExampleSignsAndVerifies() {
        let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
        let body = Array(#"{"test": 2432232314}"#.utf8)
        let signature = WebhookSignature.sign(
            secret: secret, id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330, body: body)
        #expect(signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
        let at = Date(timeIntervalSince1970: 1_614_265_330)
        #expect(
            WebhookSignature.verify(
                secret: secret, id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: "1614265330", body: body,
                header: "v1,bm9wZQ== " + signature!, now: at))
        // Another body, another id, an old timestamp or another secret: refused.
        #expect(
            !WebhookSignature.verify(
                secret: secret, id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: "1614265330", body: body + [0x20],
                header: signature!, now: at))
        #expect(
            !WebhookSignature.verify(
                secret: secret, id: "msg_other", timestamp: "1614265330", body: body, header: signature!, now: at))
        #expect(
            !WebhookSignature.verify(
                secret: secret, id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: "1614265330", body: body,
                header: signature!, now: at.addingTimeInterval(600)))
        #expect(WebhookSignature.sign(secret: "not-a-secret", id: "x", timestamp: 1, body: []) == nil)
        let fresh = WebhookSignature.newSecret()
        #expect(fresh.hasPrefix("whsec_") && WebhookSignature.key(of: fresh)?.count == 32)
        #expect(fresh != WebhookSignature.newSecret())
    }

    @Test func privateLoopbackAndLinkLocalAddressesAreRefusedPublicOnesNot() {
        for address in [
            "127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1",
            "0.0.0.0", "224.0.0.1", "::1", "::", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
            "2001:db8::1", "not an address",
        ] {
            #expect(PublicAddress.isPrivate(address), "\(address)")
        }
        for address in ["93.184.216.34", "172.32.0.1", "8.8.8.8", "2a00:1450:4001:80b::200e", "::ffff:8.8.8.8"] {
            #expect(!PublicAddress.isPrivate(address), "\(address)")
        }
    }
}
