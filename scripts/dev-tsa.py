#!/usr/bin/python3
"""Development TSA (RFC 3161 over HTTP) and CRL server for the dev PKI made by dev-pki.sh.

  POST /tsa       body: DER TimeStampReq  -> `openssl ts -reply` -> DER TimeStampResp
  GET  /root.crl  a fresh DER CRL from `openssl ca -gencrl` (the certs' CRL distribution point)

Single-threaded on purpose: `openssl ts` and `openssl ca` update serial files without locking.
Usage: dev-tsa.py PKI_DIR [PORT]    (binds 127.0.0.1 only)
"""
import http.server, subprocess, sys

PKI, PORT = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 8318
CNF = f"{PKI}/ca.cnf"
MAX_QUERY = 4096


def run(args, data=b""):
    r = subprocess.run(["openssl", *args], input=data, capture_output=True, timeout=20)
    if r.returncode != 0:
        raise RuntimeError(r.stderr.decode(errors="replace").strip())
    return r.stdout


class Handler(http.server.BaseHTTPRequestHandler):
    def reply(self, code, ctype, body):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        if self.path != "/tsa" or self.headers.get("Content-Type") != "application/timestamp-query":
            return self.reply(404, "text/plain", b"POST /tsa with application/timestamp-query\n")
        if not 0 < length <= MAX_QUERY:
            return self.reply(413, "text/plain", b"bad length\n")
        query = self.rfile.read(length)
        try:
            resp = run(["ts", "-reply", "-config", CNF, "-queryfile", "/dev/stdin", "-out", "/dev/stdout"], query)
        except Exception as e:  # a malformed query: openssl says why
            return self.reply(400, "text/plain", (str(e) + "\n").encode())
        self.reply(200, "application/timestamp-reply", resp)

    def do_GET(self):
        if self.path == "/root.crl":
            pem = run(["ca", "-config", CNF, "-gencrl"])
            return self.reply(200, "application/pkix-crl", run(["crl", "-outform", "DER"], pem))
        if self.path == "/root.pem":
            return self.reply(200, "application/x-pem-file", open(f"{PKI}/root.pem", "rb").read())
        self.reply(404, "text/plain", b"not found\n")

    def log_message(self, fmt, *args):
        sys.stderr.write("dev-tsa: " + fmt % args + "\n")


http.server.HTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
