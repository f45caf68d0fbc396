"""Deterministic synthetic phone-screen scenes: a VssID-style BHYT QR on a phone, seen by a webcam.

Used by the decode benchmark, the tests and the demo clip. Everything is drawn from a seeded
``numpy.random.Generator``, so the same (category, module size, seed) always gives the same frame.

Scene model (after ``docs/scanning.md`` §B3): a synthetic BHYT payload (invented data, names
hex-encoded as in the real payload) is rendered as a byte-mode QR at EC level M (version 10–11) on a
phone screen (status bar, VssID-like blue header, text lines, bezel). The phone plane is rotated in
3D and projected by a pinhole camera into a 1280×720 colour frame with a textured background; the
camera integrates over its pixel area (2×2 supersampling), blurs (σ 0.6), adds sensor noise (σ 2)
and JPEG-compresses (q 90). Category effects are added on top. "Module size" is measured at the code
centre as the square root of the projected area of one module (so a tilted code has the stated
size on average over both axes).

The model ranks decoders; it does not predict real-world rates.
"""

from __future__ import annotations

import functools
import math
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, replace

import cv2
import numpy as np
import qrcode
from qrcode.constants import ERROR_CORRECT_M

FRAME_W, FRAME_H = 1280, 720
FOCAL_PX = 1000.0
#: Screen pixels per QR module on the simulated phone.
SCREEN_PX_PER_MODULE = 6
CATEGORIES: tuple[str, ...] = (
    "clean", "glare", "moire", "dark", "motion", "dim", "tilt", "lowlight", "mix",
)
MODULE_SIZES: tuple[float, ...] = (1.5, 2.0, 2.5, 3.0, 4.0)

_GIVEN = ("An", "Bình", "Hoa", "Đức", "Mai", "Lan", "Hùng", "Tuấn", "Thảo", "Phương", "Quân", "Ngọc")
_MIDDLE = ("Văn", "Thị", "Minh", "Ngọc", "Đức", "Thu", "Quang", "Hữu")
_FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô")
_PLACES = ("Thôn Mẫu, xã Thử Nghiệm, tỉnh Lào Cai", "Số 1 ngõ Mẫu, phường Thử Nghiệm, Hà Nội",
           "Tổ 5, phường Ví Dụ, thành phố Mẫu", "Ấp Giả Định, xã Kiểm Thử, tỉnh Mẫu")


#: Province codes used by the generator (a fixed subset of real codes; the data itself is invented).
_PROVINCES = ("01", "10", "22", "31", "48", "79", "92", "96")


def _hex(text: str) -> str:
    return text.encode("utf-8").hex()


def synthetic_bhyt_payload(seed: int) -> str:
    """An invented, well-formed BHYT payload (15-part 2018 layout or 17-part 2021 layout)."""
    rng = np.random.default_rng(10_000 + seed)
    name = f"{rng.choice(_FAMILY)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}"
    bhxh = "".join(str(d) for d in rng.integers(0, 10, 10))
    province = str(rng.choice(_PROVINCES))
    birth = f"{int(rng.integers(1, 29)):02d}/{int(rng.integers(1, 13)):02d}/{int(rng.integers(1940, 2020))}"
    gender = str(int(rng.integers(1, 3)))
    facility = f"{province} - {int(rng.integers(0, 1000)):03d}"
    check = "".join(rng.choice(list("0123456789abcdef"), 16)) + "-7102"
    office = f"{province}{int(rng.integers(0, 100)):02d}"
    if seed % 3 == 2:  # 2021 template: 10-digit number, no address, issuing place
        parts = [bhxh, _hex(name), birth, gender, "-", facility, "01/01/2025", "-", "15/11/2024",
                 office + bhxh, "-", "4", " 01/01/2030", check[:15] + "-1202", "4",
                 _hex("Quận Mẫu, Thành phố Thử Nghiệm"), "$"]
    else:
        card = f"{rng.choice(['HC', 'DN', 'GD', 'HT', 'TE'])}{int(rng.integers(1, 6))}{province}{bhxh}"
        parts = [card, _hex(name), birth, gender, _hex(str(rng.choice(_PLACES))), facility,
                 "01/01/2024", "-", "20/12/2023", office + bhxh, "-", str(int(rng.integers(4, 8))),
                 " 01/10/2027", check, "$"]
    return "|".join(parts)


@functools.lru_cache(maxsize=64)
def qr_matrix(payload: str) -> np.ndarray:
    """QR modules (True = dark) without quiet zone, byte mode, EC level M."""
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    qr.add_data(payload.encode("utf-8"))
    qr.make(fit=True)
    return np.array(qr.get_matrix(), dtype=bool)


@dataclass(frozen=True)
class SceneParams:
    """Everything that defines one rendered frame."""

    module_px: float
    seed: int
    yaw_deg: float = 0.0
    pitch_deg: float = 0.0
    roll_deg: float = 0.0
    offset: tuple[float, float] = (0.0, 0.0)  # code centre offset from frame centre, px
    dark_mode: bool = False
    screen_white: float = 235.0
    screen_black: float = 22.0
    subpixel_grid: float = 0.0  # 0 = none, 1 = full RGB stripe grid with point sampling
    glare: float = 0.0  # peak added intensity (saturates above ~255)
    glare_size: float = 0.35  # glare sigma as a fraction of the code width
    #: Glare placement (centre offset as a fraction of the code width, aspect 0.5-1, angle in rad);
    #: None = drawn at random per frame. Clips set it so the highlight moves smoothly between frames.
    glare_shape: tuple[float, float, float, float] | None = None
    motion_px: float = 0.0
    motion_angle_deg: float = 0.0
    optics_sigma: float = 0.6
    noise_sigma: float = 2.0
    jpeg_quality: int = 90
    gain: float = 1.0
    sharpen: float = 0.0
    #: Seed of the background scene; None = derived from ``seed`` (clips keep one background).
    background_seed: int | None = None


def scene_params(category: str, module_px: float, seed: int) -> SceneParams:
    """Randomised (but seeded) parameters for one benchmark frame of a category."""
    if category not in CATEGORIES:
        raise ValueError(f"unknown category {category!r}")
    rng = np.random.default_rng(zlib.crc32(f"{category}/{module_px:.2f}/{seed}".encode()))
    u = rng.uniform
    p = SceneParams(
        module_px=module_px, seed=seed,
        yaw_deg=u(-10, 10), pitch_deg=u(-10, 10), roll_deg=u(-12, 12),
        offset=(u(-200, 200), u(-100, 100)),
    )
    if category == "glare":
        p = replace(p, glare=u(220, 320), glare_size=u(0.15, 0.3))
    elif category == "moire":
        p = replace(p, subpixel_grid=u(0.25, 0.4), sharpen=u(0.5, 1.0))
    elif category == "dark":
        p = replace(p, dark_mode=True, screen_white=u(200, 230), screen_black=u(15, 30))
    elif category == "motion":
        p = replace(p, motion_px=u(2.0, 4.0), motion_angle_deg=u(0, 180))
    elif category == "dim":
        p = replace(p, screen_white=u(95, 130), screen_black=u(30, 45))
    elif category == "tilt":
        yaw = u(30, 45) * rng.choice([-1, 1])
        p = replace(p, yaw_deg=yaw, pitch_deg=u(-10, 10))
    elif category == "lowlight":
        p = replace(p, gain=u(0.35, 0.5), noise_sigma=u(3.0, 5.0), jpeg_quality=int(rng.integers(20, 36)))
    elif category == "mix":
        p = replace(
            p, subpixel_grid=0.15, yaw_deg=u(10, 25) * rng.choice([-1, 1]), optics_sigma=0.9,
            glare=u(120, 200), glare_size=u(0.15, 0.25), jpeg_quality=60,
            screen_white=190.0, screen_black=55.0,
        )
    return p


def _screen_image(
    matrix: np.ndarray, dark: bool, rng: np.random.Generator
) -> tuple[np.ndarray, tuple[float, float]]:
    """The phone (bezel + screen) in screen pixels, BGR float 0..1 luminance-ish, and the QR offset."""
    m = SCREEN_PX_PER_MODULE
    n = matrix.shape[0]
    quiet = 4
    qr_px = (n + 2 * quiet) * m
    width = int(qr_px / 0.72)
    height = int(width * 2.1)
    bezel = max(8, width // 30)
    bg = 0.07 if dark else 1.0
    fg = 0.92 if dark else 0.05
    img = np.full((height + 2 * bezel, width + 2 * bezel, 3), 0.03, np.float32)
    screen = np.full((height, width, 3), bg, np.float32)
    # status bar and VssID-like header band
    screen[: height // 30] = 0.15 if dark else 0.9
    screen[height // 30 : height // 9] = (0.45, 0.30, 0.05) if not dark else (0.30, 0.20, 0.05)
    qr_top = int(height * 0.30)
    qr_left = (width - qr_px) // 2
    # text lines above and below the code
    for y in list(range(height // 7, qr_top - 10, max(10, height // 40)))[:4] + list(
        range(qr_top + qr_px + 20, height - 20, max(12, height // 35))
    )[:8]:
        length = int(rng.uniform(0.3, 0.8) * width)
        x0 = int(width * 0.1)
        screen[y : y + max(3, height // 120), x0 : x0 + length] = 0.55
    modules = np.kron(matrix.astype(np.float32), np.ones((m, m), np.float32))
    code = np.where(modules > 0.5, fg, bg).astype(np.float32)
    top, left = qr_top + quiet * m, qr_left + quiet * m
    screen[top : top + n * m, left : left + n * m] = code[:, :, None]
    img[bezel : bezel + height, bezel : bezel + width] = screen
    centre = (bezel + left + n * m / 2.0, bezel + top + n * m / 2.0)
    return img, centre


def _homography(p: SceneParams, centre: tuple[float, float]) -> np.ndarray:
    """Screen pixel → camera pixel homography, scaled so the centre module has ``p.module_px``."""
    a, b, c = (math.radians(v) for v in (p.pitch_deg, p.yaw_deg, p.roll_deg))
    rx = np.array([[1, 0, 0], [0, math.cos(a), -math.sin(a)], [0, math.sin(a), math.cos(a)]])
    ry = np.array([[math.cos(b), 0, math.sin(b)], [0, 1, 0], [-math.sin(b), 0, math.cos(b)]])
    rz = np.array([[math.cos(c), -math.sin(c), 0], [math.sin(c), math.cos(c), 0], [0, 0, 1]])
    r = rz @ ry @ rx
    k = np.array([[FOCAL_PX, 0, FRAME_W / 2], [0, FOCAL_PX, FRAME_H / 2], [0, 0, 1]])
    shift = np.array([[1, 0, -centre[0]], [0, 1, -centre[1]], [0, 0, 1]], float)

    def build(z: float) -> np.ndarray:
        t = z * np.array([p.offset[0] / FOCAL_PX, p.offset[1] / FOCAL_PX, 1.0])
        return k @ np.column_stack([r[:, 0], r[:, 1], t]) @ shift

    h1 = build(1000.0)
    m = SCREEN_PX_PER_MODULE
    pts = np.array([[centre[0], centre[1]], [centre[0] + m, centre[1]], [centre[0], centre[1] + m]],
                   np.float64).reshape(-1, 1, 2)
    q = cv2.perspectiveTransform(pts, h1).reshape(-1, 2)
    a, b = q[1] - q[0], q[2] - q[0]
    area = abs(float(a[0] * b[1] - a[1] * b[0]))
    size = math.sqrt(area)
    return build(1000.0 * size / p.module_px)


def render(p: SceneParams, payload: str) -> np.ndarray:
    """Render one 1280×720 BGR uint8 frame of ``payload`` shown on a phone."""
    rng = np.random.default_rng(p.seed * 7919 + int(p.module_px * 100))
    matrix = qr_matrix(payload)
    phone, centre = _screen_image(matrix, p.dark_mode, rng)
    h = _homography(p, centre)
    ph, pw = phone.shape[:2]
    corners = cv2.perspectiveTransform(
        np.array([[0, 0], [pw, 0], [pw, ph], [0, ph]], np.float64).reshape(-1, 1, 2), h
    ).reshape(-1, 2)
    x0, y0 = np.floor(corners.min(axis=0)).astype(int) - 2
    x1, y1 = np.ceil(corners.max(axis=0)).astype(int) + 2
    x0, y0 = max(x0, 0), max(y0, 0)
    x1, y1 = min(x1, FRAME_W), min(y1, FRAME_H)
    frame = _background(rng if p.background_seed is None else np.random.default_rng(p.background_seed))
    if x1 > x0 and y1 > y0:
        lum = p.screen_black + (p.screen_white - p.screen_black) * (phone - 0.05) / 0.95
        lum = np.clip(lum, 0, 255).astype(np.float32)
        mask_src = np.ones((ph, pw), np.float32)
        patch, mask = _supersampled(lum, mask_src, h, (x0, y0, x1, y1))
        if p.subpixel_grid > 0:
            patch = patch * _grid_modulation(h, (x0, y0, x1, y1), p.subpixel_grid)
        region = frame[y0:y1, x0:x1]
        region[:] = patch * mask[:, :, None] + region * (1 - mask[:, :, None])
    _camera_effects(frame, p, rng, h, centre, matrix.shape[0])
    return _finish(frame, p, rng)


def _supersampled(lum: np.ndarray, mask: np.ndarray, h: np.ndarray, box: tuple[int, int, int, int],
                  ss: int = 2) -> tuple[np.ndarray, np.ndarray]:
    x0, y0, x1, y1 = box
    t = np.array([[ss, 0, -x0 * ss], [0, ss, -y0 * ss], [0, 0, 1]], float) @ h
    size = ((x1 - x0) * ss, (y1 - y0) * ss)
    big = cv2.warpPerspective(lum, t, size, flags=cv2.INTER_LINEAR, borderValue=(0, 0, 0))
    bm = cv2.warpPerspective(mask, t, size, flags=cv2.INTER_LINEAR, borderValue=0)
    small = cv2.resize(big, (x1 - x0, y1 - y0), interpolation=cv2.INTER_AREA)
    return small, cv2.resize(bm, (x1 - x0, y1 - y0), interpolation=cv2.INTER_AREA)


def _grid_modulation(h: np.ndarray, box: tuple[int, int, int, int], strength: float) -> np.ndarray:
    """Aliased screen sub-pixel grid (RGB stripes, dark row gaps) as a per-channel gain.

    Each camera pixel centre is mapped back to the screen and point-sampled: a grid finer than the
    camera pixels folds into low-frequency moiré bands, as on a webcam aimed at a screen.
    """
    x0, y0, x1, y1 = box
    ys, xs = np.mgrid[y0:y1, x0:x1].astype(np.float64)
    pts = np.stack([xs + 0.5, ys + 0.5, np.ones_like(xs)], axis=-1) @ np.linalg.inv(h).T
    sx = pts[..., 0] / pts[..., 2]
    sy = pts[..., 1] / pts[..., 2]
    stripe = np.floor((sx - np.floor(sx)) * 3).astype(np.int64)
    gap = (sy - np.floor(sy)) > 0.75
    mod = np.full((y1 - y0, x1 - x0, 3), -0.5, np.float32)
    for i in range(3):  # stripes R, G, B from left to right; BGR channel order
        mod[..., 2 - i][stripe == i] = 1.0
    mod[gap] = -1.0
    return 1.0 + strength * mod


def _background(rng: np.random.Generator) -> np.ndarray:
    base = np.array(rng.uniform(60, 170, 3), np.float32)
    xx = (np.arange(FRAME_W, dtype=np.float32) / FRAME_W - 0.5)[None, :]
    yy = (np.arange(FRAME_H, dtype=np.float32) / FRAME_H - 0.5)[:, None]
    grad = xx * np.float32(rng.uniform(-60, 60)) + yy * np.float32(rng.uniform(-60, 60))
    frame = np.empty((FRAME_H, FRAME_W, 3), np.float32)
    frame[:] = base
    frame += grad[:, :, None]
    for _ in range(12):
        colour = tuple(float(v) for v in rng.uniform(20, 230, 3))
        pt1 = (int(rng.integers(0, FRAME_W)), int(rng.integers(0, FRAME_H)))
        pt2 = (pt1[0] + int(rng.integers(-300, 300)), pt1[1] + int(rng.integers(-200, 200)))
        if rng.random() < 0.5:
            cv2.rectangle(frame, pt1, pt2, colour, -1)
        else:
            cv2.line(frame, pt1, pt2, colour, int(rng.integers(2, 12)))
    return cv2.GaussianBlur(frame, (0, 0), 2.0)


def _camera_effects(frame: np.ndarray, p: SceneParams, rng: np.random.Generator, h: np.ndarray,
                    centre: tuple[float, float], modules: int) -> None:
    if p.glare > 0:
        c = cv2.perspectiveTransform(np.array([[centre]], np.float64), h).reshape(2)
        code_w = modules * p.module_px
        if p.glare_shape is None:
            fx, fy = rng.uniform(-0.25, 0.25), rng.uniform(-0.25, 0.25)
            sx = max(2.0, p.glare_size * code_w)
            aspect, ang = rng.uniform(0.5, 1.0), rng.uniform(0, math.pi)
        else:
            fx, fy, aspect, ang = p.glare_shape
            sx = max(2.0, p.glare_size * code_w)
        cx, cy = c[0] + fx * code_w, c[1] + fy * code_w
        sy = sx * aspect
        r = 4.5 * max(sx, sy)  # the highlight is negligible (< 1 grey level) beyond this radius
        x0, x1 = int(max(0, cx - r)), int(min(FRAME_W, cx + r))
        y0, y1 = int(max(0, cy - r)), int(min(FRAME_H, cy + r))
        if x1 > x0 and y1 > y0:
            dx = (np.arange(x0, x1, dtype=np.float32) - cx)[None, :]
            dy = (np.arange(y0, y1, dtype=np.float32) - cy)[:, None]
            u = dx * math.cos(ang) + dy * math.sin(ang)
            v = -dx * math.sin(ang) + dy * math.cos(ang)
            g = np.exp(-0.5 * ((u / sx) ** 2 + (v / sy) ** 2)) * p.glare
            frame[y0:y1, x0:x1] += g[:, :, None]
    np.clip(frame, 0, 255, out=frame)
    if p.motion_px > 0:
        k = math.ceil(p.motion_px) | 1
        kernel = np.zeros((k, k), np.float32)
        a = math.radians(p.motion_angle_deg)
        for s in np.linspace(-p.motion_px / 2, p.motion_px / 2, 4 * k):
            kernel[round(float(k // 2 + s * math.sin(a))), round(float(k // 2 + s * math.cos(a)))] += 1
        frame[:] = cv2.filter2D(frame, -1, kernel / kernel.sum())
    if p.optics_sigma > 0:
        frame[:] = cv2.GaussianBlur(frame, (0, 0), p.optics_sigma)


def _finish(frame: np.ndarray, p: SceneParams, rng: np.random.Generator) -> np.ndarray:
    frame *= p.gain
    if p.sharpen > 0:
        blur = cv2.GaussianBlur(frame, (0, 0), 1.0)
        frame = frame + p.sharpen * (frame - blur)
    noise = np.empty_like(frame)
    cv2.setRNGSeed(int(rng.integers(0, 2**31 - 1)))  # OpenCV's generator: seeded, so still deterministic
    sigma = float(p.noise_sigma)
    cv2.randn(noise, np.zeros(3), np.array([sigma, sigma, sigma]))  # per channel (a bare float = channel 0)
    frame += noise
    out = np.clip(frame, 0, 255).astype(np.uint8)
    ok, enc = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, p.jpeg_quality])
    decoded = cv2.imdecode(enc, cv2.IMREAD_COLOR) if ok else None
    return out if decoded is None else decoded


def approach_frames(seed: int, effect: str, frames: int = 45, start_px: float = 1.2,
                    end_px: float = 3.0) -> tuple[Iterator[np.ndarray], str]:
    """A phone brought toward the camera: module size grows start→end over ``frames`` (30 fps).

    The size grows geometrically (between linear growth and the 1/distance growth of a constant-speed
    approach). ``effect`` is "glare" or "moire". Returns a lazy frame iterator and the payload shown.
    """
    payload = synthetic_bhyt_payload(seed)
    base = scene_params("glare" if effect == "glare" else "moire", 2.0, seed)

    # The highlight (a lamp reflected in the screen) moves smoothly over the screen as the phone
    # moves: from one random place to another over the clip, with a fixed shape.
    g = np.random.default_rng(90_000 + seed)
    g_from, g_to = g.uniform(-0.25, 0.25, 2), g.uniform(-0.25, 0.25, 2)
    aspect, angle = float(g.uniform(0.5, 1.0)), float(g.uniform(0, math.pi))

    def generate() -> Iterator[np.ndarray]:
        for i in range(frames):
            f = i / max(1, frames - 1)
            size = start_px * (end_px / start_px) ** f
            drift = (base.offset[0] * (1 - 0.3 * f), base.offset[1] * (1 - 0.3 * f))
            gx, gy = (float(v) for v in g_from + (g_to - g_from) * f)
            yield render(replace(base, module_px=size, seed=seed * 1000 + i, offset=drift,
                                 roll_deg=base.roll_deg + 3 * f, background_seed=seed,
                                 glare_shape=(gx, gy, aspect, angle)), payload)

    return generate(), payload


def empty_frame(seed: int, background_seed: int | None = None, noise_sigma: float = 2.0) -> np.ndarray:
    """A webcam frame of the same background model with no phone and no code (for timing)."""
    rng = np.random.default_rng(555_000 + seed)
    frame = _background(rng if background_seed is None else np.random.default_rng(background_seed))
    return _finish(frame, SceneParams(module_px=2.0, seed=seed, noise_sigma=noise_sigma), rng)
