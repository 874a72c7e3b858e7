"""An ill-behaved api client for bench/abuse.sh: from its own loopback address (127.0.0.2 by
default), CONNECTIONS keep-alive connections send cache-busting requests as fast as the api
answers (random name= values, random page numbers, unknown breeds): every one misses the response
cache. Runs for SECONDS, then prints how the api answered, as JSON: {"200": n, "429": n, ...}.
Standard library only; stops by itself."""
import argparse
import asyncio
import json
import random
import time


def request_line(rng):
    kind = rng.randrange(3)
    if kind == 0:
        path = "/api/v2/breeds?name=%d" % rng.randrange(10**9)
    elif kind == 1:
        path = "/api/v2/games/BO/leaderboard?page=%d" % rng.randrange(1, 10**6)
    else:
        path = "/api/v2/breeds/no-such-%d" % rng.randrange(10**9)
    return ("GET %s HTTP/1.1\r\nHost: localhost\r\n\r\n" % path).encode()


async def worker(args, end, counts, seed):
    rng = random.Random(seed)
    reader, writer = await asyncio.open_connection(
        args.host, args.port, local_addr=(args.source, 0))
    try:
        while time.monotonic() < end:
            writer.write(request_line(rng))
            status_line = await reader.readline()
            status = status_line.split(b" ")[1].decode() if status_line else "closed"
            length = 0
            while True:
                line = await reader.readline()
                if line in (b"\r\n", b""):
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if length:
                await reader.readexactly(length)
            counts[status] = counts.get(status, 0) + 1
            if status == "closed":
                return
    finally:
        writer.close()


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--source", default="127.0.0.2")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args()
    counts = {}
    end = time.monotonic() + args.seconds
    await asyncio.gather(*(worker(args, end, counts, i) for i in range(args.connections)))
    print(json.dumps(counts, sort_keys=True))


asyncio.run(main())
