#!/usr/bin/env python3
"""Loads N badge high-score messages (5 scores each, all distinct) into the score stream over raw
RESP (standard library only), writes the same rows as CSV for the \\copy baseline, and prints the
load start/end times. As fast as possible (bench/drain.sh), or paced at --rate messages per second
(bench/lag.sh). The same --first gives the same rows: against a database kept from an earlier
run, start past its rows (e.g. --first 1000000), or every score is a duplicate and the drain
stores, notifies and evicts nothing."""
import argparse, json, socket, threading, time, uuid

GAMES = [("BO", 1), ("LA", 2), ("RO", 3), ("TT", 5), ("Breakout", 1)]

def resp(*parts):
    out = [b"*%d\r\n" % len(parts)]
    for p in parts:
        b = p if isinstance(p, bytes) else str(p).encode()
        out.append(b"$%d\r\n%s\r\n" % (len(b), b))
    return b"".join(out)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200_000)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=63799)
    ap.add_argument("--stream", default="badge:scores")
    ap.add_argument("--csv", required=True)
    ap.add_argument("--first", type=int, default=0, help="number of the first message (player)")
    ap.add_argument("--rate", type=int, default=0, help="messages per second; 0 = as fast as possible")
    ap.add_argument("--players", type=int, default=0,
                    help="distinct players (badges) sending the messages in turn; 0 = a new one per message")
    a = ap.parse_args()
    sock = socket.create_connection((a.host, a.port))
    chunk, sent = [], 0
    # Replies are read by a thread while sending, so a long paced load never backs up.
    errors = []
    def read_replies():
        reader = sock.makefile("rb")
        for _ in range(a.n):
            line = reader.readline()
            if line.startswith(b"-"):
                errors.append(line.decode().strip())
            reader.readline()
    replies = threading.Thread(target=read_replies)
    replies.start()
    per_tick = max(1, a.rate // 100) if a.rate else 1000
    t0 = time.time()
    with open(a.csv, "w") as csv:
        for i in range(a.first, a.first + a.n):
            # With --players, badge b = i % players sends its r-th table (r = i // players): its
            # scores grow with r, so every row stays new and \copy can take the same rows.
            b, base = (i % a.players, 1000 + 5 * (i // a.players)) if a.players else (i, 1000 + i % 5000)
            player = str(uuid.UUID(int=b + 1))
            mac = "24:6F:28:%02X:%02X:%02X" % ((b >> 16) & 255, (b >> 8) & 255, b & 255)
            table = [[g, base + k, 60 + k] for k, (g, _) in enumerate(GAMES)]
            msg = {"user_uuid": player, "mac_address": mac, "event": "high-score", "high_scores": table}
            chunk.append(resp("XADD", a.stream, "*", "payload", json.dumps(msg)))
            for k, (_, gid) in enumerate(GAMES):
                # Breakout appears twice (BO and Breakout) with different scores: 5 distinct rows.
                csv.write(f"{player},{mac},{gid},{base + k},{60 + k},2026-01-01T00:00:00Z,bench-{i}\n")
            if len(chunk) == per_tick:
                sock.sendall(b"".join(chunk)); sent += len(chunk); chunk = []
                if a.rate:  # the next chunk is due when sent / rate seconds have passed
                    time.sleep(max(0.0, t0 + sent / a.rate - time.time()))
        if chunk:
            sock.sendall(b"".join(chunk)); sent += len(chunk)
        # Every reply (each XADD answers "$<len>\r\n<id>\r\n") is read before the clock stops.
        replies.join()
        if errors:
            raise SystemExit("redis refused an XADD: " + errors[0])
    t1 = time.time()
    print(json.dumps({"messages": a.n, "scores": a.n * len(GAMES), "load_start": t0, "load_end": t1}))

if __name__ == "__main__":
    main()
