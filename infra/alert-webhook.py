"""A webhook receiver for the live alert drill (infra/live-check): appends every notification
Alertmanager sends to a JSON-lines file. Standard library only; loopback only.
usage: alert-webhook.py PORT FILE"""
import http.server
import sys

PORT, FILE = int(sys.argv[1]), sys.argv[2]


class Receiver(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with open(FILE, "ab") as out:
            out.write(body.replace(b"\n", b" ") + b"\n")
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


http.server.HTTPServer(("127.0.0.1", PORT), Receiver).serve_forever()
