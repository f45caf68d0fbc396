"""Signing XML0 check-in files (<CHUKYDONVI>, RSA-2048 / ECDSA P-256, SHA-256) and verifying them.

    .venv/bin/python -m bench.xml0_sign_bench            # 1000 check-ins per key type (~11 s)
    .venv/bin/python -m bench.xml0_sign_bench --quick    # CI smoke run (50 per key type, < 1 s)

One XML0 file per visit (what ``kiosk hub export xml0`` signs): each is signed (including the verification of
the stored bytes that sign_xml0 does) and then verified again as the uploader does before sending. A
throw-away self-signed certificate is generated for the run. Prints a table and, last, one JSON line.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import time
import uuid

from kiosk.gateway.signing import SigningCredentials, sign_xml0, verify_xml0
from kiosk.gateway.xml0 import build_xml0, to_xml
from tests.gateway.certs import make_cert
from tests.gateway.visits import BHYT_VISIT, FACILITY


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small run for CI")
    parser.add_argument("--count", type=int, help="check-in files per key type (default 1000, quick 50)")
    args = parser.parse_args()
    count = args.count or (50 if args.quick else 1000)
    documents = [to_xml(build_xml0({**BHYT_VISIT, "id": str(uuid.uuid4())}, FACILITY)) for _ in range(count)]
    rows = []
    for label, ec_key in (("RSA-2048 / rsa-sha256", False), ("EC P-256 / ecdsa-sha256", True)):
        cert = make_cert(ec_key=ec_key)
        creds = SigningCredentials(cert.certificate, cert.key)
        sign_ms, verify_ms = [], []
        start = time.perf_counter()
        for document in documents:
            t0 = time.perf_counter()
            signed = sign_xml0(document, creds)
            t1 = time.perf_counter()
            verify_xml0(signed)
            t2 = time.perf_counter()
            sign_ms.append((t1 - t0) * 1000)
            verify_ms.append((t2 - t1) * 1000)
        total = time.perf_counter() - start
        rows.append({"key": label, "files": count, "sign_p50_ms": statistics.median(sign_ms),
                     "sign_p99_ms": _pct(sign_ms, 0.99), "verify_p50_ms": statistics.median(verify_ms),
                     "total_s": total})
    print(f"{'key':<26}{'files':>7}{'sign p50 ms':>13}{'sign p99 ms':>13}{'verify p50 ms':>15}{'total s':>9}")
    for r in rows:
        print(f"{r['key']:<26}{r['files']:>7}{r['sign_p50_ms']:>13.2f}{r['sign_p99_ms']:>13.2f}"
              f"{r['verify_p50_ms']:>15.2f}{r['total_s']:>9.2f}")
    print(json.dumps({"benchmark": "xml0_sign", "python": platform.python_version(), "machine": platform.machine(),
                      "quick": args.quick, "results": [{k: round(v, 3) if isinstance(v, float) else v
                                                        for k, v in r.items()} for r in rows]}))


if __name__ == "__main__":
    main()
