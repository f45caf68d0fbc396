"""Writes success.wav (two rising tones) and failure.wav (one low buzz) next to this script.

Run: python resources/sounds/make_sounds.py  (standard library only; deterministic output).
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050


def tone(freq: float, seconds: float, volume: float = 0.35) -> list[int]:
    n = int(RATE * seconds)
    fade = int(RATE * 0.01)
    out = []
    for i in range(n):
        envelope = min(1.0, i / fade, (n - i) / fade)
        out.append(int(32767 * volume * envelope * math.sin(2 * math.pi * freq * i / RATE)))
    return out


def square(freq: float, seconds: float, volume: float = 0.2) -> list[int]:
    n = int(RATE * seconds)
    fade = int(RATE * 0.01)
    return [int(32767 * volume * min(1.0, i / fade, (n - i) / fade) * (1 if math.sin(2 * math.pi * freq * i / RATE) >= 0
                                                                       else -1)) for i in range(n)]


def write(path: Path, samples: list[int]) -> None:
    with wave.open(str(path), "wb") as f:
        f.setnchannels(1)
        f.setsampwidth(2)
        f.setframerate(RATE)
        f.writeframes(struct.pack(f"<{len(samples)}h", *samples))


def main() -> None:
    here = Path(__file__).resolve().parent
    write(here / "success.wav", tone(880, 0.12) + [0] * int(RATE * 0.03) + tone(1320, 0.18))
    write(here / "failure.wav", square(220, 0.18) + [0] * int(RATE * 0.05) + square(180, 0.3))


if __name__ == "__main__":
    main()
