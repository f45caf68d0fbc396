"""A second, independent scene generator: a phone held up to a webcam, with the hard physics.

Why a second generator: the decoder's strategy orders and parameters were chosen on
:mod:`kiosk.scanner.synthetic`, so that generator flatters it. This one was written separately from
that module (it shares no code with it: another QR encoder, another phone model, another camera model)
and models effects the first one does not (``docs/decoder-evaluation.md``):

* glare of other shapes and places — a soft spot, a strip light, a window with its cross bars — and a
  saturated highlight centred **on a finder pattern**;
* motion in any direction and of any length, with the **rolling shutter** of a webcam (rows are exposed
  one after another, so a moving phone is also sheared);
* **defocus** (a pillbox, not a Gaussian, point-spread function);
* the screen's **sub-pixel pattern** (RGB stripes or PenTile diamonds) and **refresh banding** (PWM
  dimming beating with the rolling shutter: dark horizontal bands);
* **phone cases and fingers** over the quiet zone;
* **auto-exposure over- and undershoot** (the frame before the camera settles: clipped whites, or a
  dark noisy frame);
* a camera pipeline with vignetting, barrel distortion, a Bayer mosaic and demosaicing, signal-dependent
  (shot) noise, gamma and JPEG.

Payloads are invented BHYT and CCCD (Vietnamese UTF-8) texts, encoded by zxing-cpp's writer at EC level
M or Q. ``module_px`` is the mean side of the projected code divided by its module count.

**Seeds.** Parameters of the decoder may be chosen on :data:`TUNING_SEEDS` only. :data:`HELDOUT_SEEDS`
are for reporting: nothing is ever tuned on them (the benchmark reports both splits separately).
Every frame is a pure function of (condition, module size, seed).
"""

from __future__ import annotations

import functools
import math
import zlib
from dataclasses import dataclass, field, replace

import cv2
import numpy as np

FRAME_W, FRAME_H = 1280, 720
CONDITIONS: tuple[str, ...] = (
    "clean", "glare", "finder_glare", "motion", "defocus", "screen", "occluded", "exposure", "mixed",
)
MODULE_SIZES: tuple[float, ...] = (1.5, 2.0, 2.5, 3.0, 4.0)
#: Seeds on which decoder parameters may be chosen.
TUNING_SEEDS: tuple[int, ...] = tuple(range(0, 4))
#: Seeds used only to report results (never looked at while choosing parameters).
HELDOUT_SEEDS: tuple[int, ...] = tuple(range(500, 508))
#: Screen pixels per module on the simulated phone (a 1080-px-wide screen showing a ~57-module code).
_SCREEN_PX = 8
_SS = 3  # supersampling factor of the projection (area integration over a camera pixel)

_FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Trương", "Đoàn", "Lý")
_MIDDLE = ("Thị", "Văn", "Hoàng", "Kim", "Bảo", "Xuân", "Mỹ")
_GIVEN = ("Ánh", "Dũng", "Hằng", "Khoa", "Linh", "Nhân", "Oanh", "Sơn", "Trâm", "Vy", "Yến", "Tâm")
_STREETS = ("Số 12 đường Lê Lợi, phường Bến Thành, Quận 1, TP Hồ Chí Minh",
            "Xóm Đông, xã Yên Phú, huyện Ý Yên, tỉnh Nam Định",
            "Khu phố 3, phường Tân Hòa, TP Biên Hòa, tỉnh Đồng Nai",
            "Thôn Hạ, xã Quảng Thành, huyện Quảng Điền, tỉnh Thừa Thiên Huế")


def payload_for(seed: int) -> str:
    """An invented card payload: CCCD (UTF-8, ``|``-separated) for odd seeds, BHYT-like for even ones."""
    rng = np.random.default_rng(zlib.crc32(f"handheld-payload/{seed}".encode()))
    name = f"{rng.choice(_FAMILY)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}"
    dob = f"{int(rng.integers(1, 29)):02d}{int(rng.integers(1, 13)):02d}{int(rng.integers(1945, 2015))}"
    if seed % 2:
        cccd = "0" + "".join(str(int(d)) for d in rng.integers(0, 10, 11))
        cmnd = "".join(str(int(d)) for d in rng.integers(0, 10, 9))
        issued = f"{int(rng.integers(1, 29)):02d}{int(rng.integers(1, 13)):02d}{int(rng.integers(2016, 2025))}"
        sex = "Nam" if rng.random() < 0.5 else "Nữ"
        return "|".join([cccd, cmnd, name, dob, sex, str(rng.choice(_STREETS)), issued])
    number = "".join(str(int(d)) for d in rng.integers(0, 10, 10))
    prefix = str(rng.choice(["GD4", "DN4", "HT3", "TE1", "CN3"]))
    province = f"{int(rng.integers(1, 97)):02d}"
    parts = [prefix + province + number, name.encode().hex(), f"{dob[:2]}/{dob[2:4]}/{dob[4:]}",
             str(int(rng.integers(1, 3))), str(rng.choice(_STREETS)).encode().hex(),
             f"{province} - {int(rng.integers(1, 999)):03d}", "01/01/2026", "-", "02/01/2026",
             province + number, "-", "4", "01/01/2031", "".join(rng.choice(list("0123456789abcdef"), 16)) + "-1603",
             "$"]
    return "|".join(parts)


@functools.lru_cache(maxsize=32)
def modules_of(payload: str, ec_level: str) -> np.ndarray:
    """The QR module matrix (True = dark, no quiet zone), encoded by zxing-cpp's writer."""
    import zxingcpp

    code = zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode, ec_level=ec_level)
    image = np.asarray(zxingcpp.write_barcode_to_image(code, scale=1, add_quiet_zones=False))
    return image < 128


@dataclass(frozen=True)
class Scene:
    """Everything that defines one frame (drawn by :func:`scene`; tests may build their own)."""

    condition: str
    module_px: float
    seed: int
    ec_level: str = "M"
    quiet_modules: float = 3.0
    dark_mode: bool = False
    pose_deg: tuple[float, float, float] = (0.0, 0.0, 0.0)  # rotations about x, y, z
    centre: tuple[float, float] = (640.0, 360.0)
    screen_nits: float = 0.75  # white level of the screen relative to the sensor's full scale
    ambient: float = 0.35  # background brightness
    glare: tuple[tuple[str, float, float, float, float, float, float], ...] = ()
    # (shape, x, y, size in code widths, angle rad, peak, aspect): x, y in code widths (0..1) from the
    # top-left corner, or for shape "finder<k>" an offset in modules from the centre of finder k
    # (0 top-left, 1 top-right, 2 bottom-left), drawn as a spot
    motion: tuple[float, float] = (0.0, 0.0)  # blur length px, direction deg
    shutter_skew_px: float = 0.0  # horizontal displacement between the first and the last code row
    defocus_px: float = 0.0  # pillbox radius
    subpixel: str = ""  # "" | "stripe" | "pentile"
    subpixel_strength: float = 0.0
    banding: tuple[float, float, float] = (0.0, 0.0, 0.0)  # depth 0..1, period px, phase
    case_rim: tuple[float, ...] = ()  # per side (top, right, bottom, left): quiet modules covered
    finger: tuple[float, float, float] = (0.0, 0.0, 0.0)  # side index (0..3), position 0..1, depth modules
    exposure: float = 1.0  # multiplies the scene before clipping (over/undershoot)
    noise: tuple[float, float] = (0.004, 1.2)  # shot-noise factor, read noise (grey levels)
    jpeg_quality: int = 88
    isp_sharpen: float = 0.3
    extra: dict[str, float] = field(default_factory=dict, compare=False)


def scene(condition: str, module_px: float, seed: int) -> Scene:
    """The seeded random scene of one benchmark frame."""
    if condition not in CONDITIONS:
        raise ValueError(f"unknown condition {condition!r}")
    rng = np.random.default_rng(zlib.crc32(f"handheld/{condition}/{module_px:.2f}/{seed}".encode()))
    u = rng.uniform
    s = Scene(
        condition=condition, module_px=module_px, seed=seed,
        ec_level=str(rng.choice(["M", "Q"])), quiet_modules=float(u(2.0, 4.0)),
        dark_mode=bool(rng.random() < 0.2),
        pose_deg=(float(u(-15, 15)), float(u(-15, 15)), float(u(-180, 180))),
        centre=(float(u(420, 860)), float(u(250, 470))),
        screen_nits=float(u(0.6, 0.85)), ambient=float(u(0.2, 0.5)),
        noise=(float(u(0.002, 0.006)), float(u(0.8, 1.8))),
        jpeg_quality=int(rng.integers(75, 95)), isp_sharpen=float(u(0.0, 0.6)),
    )
    kw: dict[str, object] = {}
    if condition in ("glare", "mixed"):
        shape = str(rng.choice(["spot", "strip", "window"]))
        peak = float(u(0.7, 1.3)) if condition == "glare" else float(u(0.4, 0.8))
        kw["glare"] = ((shape, float(u(0.15, 0.85)), float(u(0.15, 0.85)), float(u(0.12, 0.3)),
                        float(u(0, math.pi)), peak, float(u(0.3, 1.0))),)
    if condition == "finder_glare":
        corner = int(rng.integers(0, 3))  # which finder: top-left, top-right, bottom-left
        # centred on that finder's centre (3.5 modules in from the corner), +-1.5 modules
        kw["glare"] = ((f"finder{corner}", float(u(-1.5, 1.5)), float(u(-1.5, 1.5)),
                        float(u(0.06, 0.12)), float(u(0, math.pi)), float(u(1.0, 1.6)), float(u(0.6, 1.0))),)
    if condition in ("motion", "mixed"):
        length = float(u(1.5, 6.0)) if condition == "motion" else float(u(1.0, 3.0))
        kw["motion"] = (length, float(u(0, 360)))
        kw["shutter_skew_px"] = float(u(-1, 1)) * length * float(u(0.5, 2.0))
    if condition in ("defocus",):
        kw["defocus_px"] = float(u(0.8, 1.8))
    if condition in ("screen", "mixed"):
        kw["subpixel"] = str(rng.choice(["stripe", "pentile"]))
        kw["subpixel_strength"] = float(u(0.3, 0.6)) if condition == "screen" else float(u(0.15, 0.3))
        kw["banding"] = (float(u(0.2, 0.45)) if condition == "screen" else float(u(0.1, 0.2)),
                         float(u(40, 160)), float(u(0, 2 * math.pi)))
    if condition in ("occluded", "mixed"):
        rims = tuple(float(u(0.5, 2.0)) if rng.random() < 0.5 else 0.0 for _ in range(4))
        kw["case_rim"] = rims
        if condition == "occluded" or rng.random() < 0.5:
            kw["finger"] = (float(rng.integers(0, 4)), float(u(0.2, 0.8)), float(u(1.0, 3.0)))
    if condition in ("exposure", "mixed"):
        over = rng.random() < 0.5
        if condition == "exposure":
            kw["exposure"] = float(u(1.5, 2.3)) if over else float(u(0.22, 0.4))
        else:
            kw["exposure"] = float(u(1.2, 1.5)) if over else float(u(0.5, 0.7))
    return replace(s, **kw)  # type: ignore[arg-type]


# -- rendering -----------------------------------------------------------------------------------------


def _phone(matrix: np.ndarray, s: Scene,
           rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, float, float, float]:
    """Phone in screen pixels: emitted light (float, 0..1 of full scale), alpha mask, code origin offset.

    The code (with its quiet zone) sits centred horizontally, in the upper middle of the screen.
    """
    n = matrix.shape[0]
    m = _SCREEN_PX
    quiet = round(s.quiet_modules * m)
    code_px = n * m
    card_w = code_px + 2 * quiet + int(rng.integers(6, 20)) * m  # app card around the code
    screen_w = card_w + 4 * m
    screen_h = int(screen_w * float(rng.uniform(1.9, 2.2)))
    border = int(rng.integers(3, 7)) * m  # bezel + case
    ph, pw = screen_h + 2 * border, screen_w + 2 * border
    white = s.screen_nits
    black = white * 0.02
    page, ink = (0.08 * white, white) if s.dark_mode else (white, black)
    img = np.full((ph, pw), page, np.float32)
    # app chrome: a coloured header, text lines, a button
    header_h = screen_h // 8
    img[border : border + header_h, border : border + screen_w] = white * float(rng.uniform(0.35, 0.6))
    code_top = border + header_h + int(screen_h * 0.08)
    code_left = border + (screen_w - code_px) // 2
    for k in range(6):
        y = code_top + code_px + quiet + (k + 1) * 3 * m
        if y + m >= border + screen_h:
            break
        x_end = code_left + int(code_px * float(rng.uniform(0.4, 1.0)))
        img[y : y + m, code_left:x_end] = ink * 0.7 + page * 0.3
    code = np.where(np.kron(matrix, np.ones((m, m), bool)), ink, page).astype(np.float32)
    img[code_top : code_top + code_px, code_left : code_left + code_px] = code
    # the case and bezel: black glass, a coloured case rim
    case_colour = float(rng.uniform(0.02, 0.5))
    alpha = np.zeros((ph, pw), np.float32)
    cv2.rectangle(alpha, (0, 0), (pw - 1, ph - 1), 1.0, -1)
    img[:border, :] = case_colour
    img[-border:, :] = case_colour
    img[:, :border] = case_colour
    img[:, -border:] = case_colour
    # rounded corners of the phone
    radius = border * 2
    for cy, cx in ((radius, radius), (radius, pw - radius), (ph - radius, radius), (ph - radius, pw - radius)):
        yy, xx = np.ogrid[:ph, :pw]
        near = (np.abs(yy - cy) < radius + 1) & (np.abs(xx - cx) < radius + 1)
        in_corner = ((yy < radius) | (yy > ph - radius)) & ((xx < radius) | (xx > pw - radius))
        outside = ((yy - cy) ** 2 + (xx - cx) ** 2 > radius**2) & near & in_corner
        alpha[outside] = 0.0
    # case rim or a screen protector edge over the quiet zone (per side)
    for side, depth in enumerate(s.case_rim):
        if depth <= 0:
            continue
        d = round(quiet - depth * m)
        if side == 0:
            img[: code_top - d, :] = np.minimum(img[: code_top - d, :], case_colour)
        elif side == 1:
            img[:, code_left + code_px + d :] = np.minimum(img[:, code_left + code_px + d :], case_colour)
        elif side == 2:
            img[code_top + code_px + d :, :] = np.minimum(img[code_top + code_px + d :, :], case_colour)
        else:
            img[:, : code_left - d] = np.minimum(img[:, : code_left - d], case_colour)
    return img, alpha, float(code_top), float(code_left), float(code_px)


def _pose_homography(s: Scene, origin: tuple[float, float], code_px: float, n_modules: int) -> np.ndarray:
    """Screen pixels → camera pixels: a pinhole camera (f = 1100 px) looking at the tilted phone."""
    ax, ay, az = (math.radians(v) for v in s.pose_deg)
    cx_, sx_ = math.cos(ax), math.sin(ax)
    cy_, sy_ = math.cos(ay), math.sin(ay)
    cz_, sz_ = math.cos(az), math.sin(az)
    rot = (np.array([[cz_, -sz_, 0], [sz_, cz_, 0], [0, 0, 1]])
           @ np.array([[cy_, 0, sy_], [0, 1, 0], [-sy_, 0, cy_]])
           @ np.array([[1, 0, 0], [0, cx_, -sx_], [0, sx_, cx_]]))
    f = 1100.0
    k = np.array([[f, 0, FRAME_W / 2], [0, f, FRAME_H / 2], [0, 0, 1]])
    code_centre = (origin[1] + code_px / 2, origin[0] + code_px / 2)  # (x, y) in screen px
    corners = np.array([[origin[1], origin[0]], [origin[1] + code_px, origin[0]],
                        [origin[1] + code_px, origin[0] + code_px], [origin[1], origin[0] + code_px]],
                       np.float64).reshape(-1, 1, 2)
    z = 1000.0
    h = np.eye(3)
    for _ in range(4):  # distance such that the mean side is n_modules * module_px
        ray = np.array([(s.centre[0] - FRAME_W / 2) / f, (s.centre[1] - FRAME_H / 2) / f, 1.0])
        t = ray * z
        shift = np.array([[1, 0, -code_centre[0]], [0, 1, -code_centre[1]], [0, 0, 1]], float)
        h = k @ np.column_stack([rot[:, 0], rot[:, 1], t]) @ shift
        q = cv2.perspectiveTransform(corners, h).reshape(-1, 2)
        side = float(np.mean([np.linalg.norm(q[i] - q[(i + 1) % 4]) for i in range(4)]))
        z *= side / (n_modules * s.module_px)
    return h


def _emitted_pattern(shape: tuple[int, int], s: Scene, h_inv: np.ndarray, box: tuple[int, int]) -> np.ndarray:
    """Per-pixel gain of the screen's sub-pixel layout as seen by the camera (point sampled → aliasing)."""
    hgt, wid = shape
    ys, xs = np.mgrid[0:hgt, 0:wid].astype(np.float64)
    xs = (xs + 0.5) / _SS + box[0]
    ys = (ys + 0.5) / _SS + box[1]
    den = h_inv[2, 0] * xs + h_inv[2, 1] * ys + h_inv[2, 2]
    sx = (h_inv[0, 0] * xs + h_inv[0, 1] * ys + h_inv[0, 2]) / den
    sy = (h_inv[1, 0] * xs + h_inv[1, 1] * ys + h_inv[1, 2]) / den
    # one module = _SCREEN_PX screen px; a real phone has ~3 physical pixels per QR screen px here
    px, py = sx * 0.75, sy * 0.75
    if s.subpixel == "stripe":
        phase = np.mod(px, 1.0)
        lit = (phase < 0.3) | ((phase > 0.33) & (phase < 0.63)) | ((phase > 0.66) & (phase < 0.96))
        pattern = np.where(lit, 1.0, 0.0) * np.where(np.mod(py, 1.0) < 0.85, 1.0, 0.0)
    else:  # PenTile diamonds: lit dots on a rotated lattice
        u_, v_ = np.mod(px + py, 1.0) - 0.5, np.mod(px - py, 1.0) - 0.5
        pattern = ((u_**2 + v_**2) < 0.12).astype(np.float64)
    mean = float(pattern.mean()) or 1.0
    return (1.0 + s.subpixel_strength * (pattern / mean - 1.0)).astype(np.float32)


def _glare_layer(s: Scene, h: np.ndarray, origin: tuple[float, float], code_px: float, n: int) -> np.ndarray:
    """Added reflected light (camera frame, full scale = 1) for each glare source of the scene."""
    layer = np.zeros((FRAME_H, FRAME_W), np.float32)
    ys, xs = np.mgrid[0:FRAME_H, 0:FRAME_W].astype(np.float32)
    code_w_cam = code_px / _SCREEN_PX * s.module_px
    for shape, gx, gy, size, angle, peak, aspect in s.glare:
        if shape.startswith("finder"):
            fx, fy = ((3.5, 3.5), (n - 3.5, 3.5), (3.5, n - 3.5))[int(shape[-1])]
            gx, gy, shape = (fx + gx) / n, (fy + gy) / n, "spot"
        pt = np.array([[[origin[1] + gx * code_px, origin[0] + gy * code_px]]], np.float64)
        cx, cy = cv2.perspectiveTransform(pt, h).reshape(2)
        r = max(2.0, size * code_w_cam)
        dx, dy = xs - cx, ys - cy
        u_ = dx * math.cos(angle) + dy * math.sin(angle)
        v_ = -dx * math.sin(angle) + dy * math.cos(angle)
        if shape == "spot":  # a lamp: a flat saturated core with a soft shoulder
            d = np.sqrt(u_**2 + (v_ / max(aspect, 0.3)) ** 2) / r
            layer += peak * np.clip(1.6 - d, 0, 1) ** 1.5 + 0.15 * peak * np.exp(-(d**2) / 4)
        elif shape == "strip":  # a strip light: a long bar of light with soft edges
            across = np.abs(v_) / (0.35 * r)
            along = np.clip(1.0 - np.abs(u_) / (4 * r), 0, 1)
            layer += peak * np.exp(-(across**2)) * along
        else:  # a window: a bright quad crossed by dark bars
            inside = np.clip(1.0 - np.maximum(np.abs(u_) / (1.6 * r), np.abs(v_) / (1.1 * r)), 0, 0.2) / 0.2
            bars = (np.abs(u_) > 0.08 * r) & (np.abs(v_) > 0.08 * r)
            layer += peak * 0.8 * inside * np.where(bars, 1.0, 0.25)
    return layer


def _pillbox(radius: float) -> np.ndarray:
    k = math.ceil(radius) * 2 + 1
    ys, xs = np.mgrid[0:k, 0:k].astype(np.float32) - k // 2
    # sub-sampled disc coverage
    cover = np.zeros((k, k), np.float32)
    for oy in (-0.25, 0.25):
        for ox in (-0.25, 0.25):
            cover += ((xs + ox) ** 2 + (ys + oy) ** 2 <= radius**2).astype(np.float32)
    return cover / cover.sum()


def _line_psf(length: float, angle_deg: float) -> np.ndarray:
    k = math.ceil(length) + 3
    k += 1 - k % 2
    psf = np.zeros((k, k), np.float32)
    a = math.radians(angle_deg)
    for t in np.linspace(-length / 2, length / 2, max(8, int(length * 8))):
        x, y = k // 2 + t * math.cos(a), k // 2 + t * math.sin(a)
        x0, y0 = math.floor(x), math.floor(y)
        fx, fy = x - x0, y - y0  # bilinear splat
        for yy, xx, w in ((y0, x0, (1 - fx) * (1 - fy)), (y0, x0 + 1, fx * (1 - fy)),
                          (y0 + 1, x0, (1 - fx) * fy), (y0 + 1, x0 + 1, fx * fy)):
            if 0 <= yy < k and 0 <= xx < k:
                psf[yy, xx] += w
    return psf / psf.sum()


def _background(rng: np.random.Generator, ambient: float) -> np.ndarray:
    """A desk/room seen by the camera: smooth light falloff, a few soft objects (linear light)."""
    low = rng.uniform(0.3, 1.0, (3, 4, 3)).astype(np.float32) * ambient
    bg = cv2.resize(low, (FRAME_W, FRAME_H), interpolation=cv2.INTER_CUBIC)
    for _ in range(int(rng.integers(4, 9))):
        centre = (int(rng.integers(0, FRAME_W)), int(rng.integers(0, FRAME_H)))
        axes = (int(rng.integers(20, 260)), int(rng.integers(20, 200)))
        colour = tuple(float(v) for v in rng.uniform(0.05, 0.9, 3) * ambient * 1.5)
        cv2.ellipse(bg, centre, axes, float(rng.uniform(0, 180)), 0, 360, colour, -1)
    return cv2.GaussianBlur(bg, (0, 0), 3.0)


def render_scene(s: Scene, payload: str) -> np.ndarray:
    """Render one 1280×720 BGR uint8 frame."""
    rng = np.random.default_rng(zlib.crc32(f"handheld-render/{s.condition}/{s.module_px}/{s.seed}".encode()))
    matrix = modules_of(payload, s.ec_level)
    n = matrix.shape[0]
    phone, alpha, code_top, code_left, code_px = _phone(matrix, s, rng)
    origin = (code_top, code_left)
    h = _pose_homography(s, origin, code_px, n)
    ph, pw = phone.shape
    corners = cv2.perspectiveTransform(np.array([[0, 0], [pw, 0], [pw, ph], [0, ph]], np.float64).reshape(-1, 1, 2),
                                       h).reshape(-1, 2)
    x0, y0 = (max(0, int(v) - 4) for v in corners.min(axis=0))
    x1, y1 = (min(lim, int(v) + 4) for v, lim in zip(corners.max(axis=0), (FRAME_W, FRAME_H), strict=True))
    scene_rgb = _background(rng, s.ambient)
    if x1 > x0 and y1 > y0:
        t = np.array([[_SS, 0, -x0 * _SS], [0, _SS, -y0 * _SS], [0, 0, 1]], float) @ h
        size = ((x1 - x0) * _SS, (y1 - y0) * _SS)
        big = cv2.warpPerspective(phone, t, size, flags=cv2.INTER_LINEAR, borderValue=0)
        mask = cv2.warpPerspective(alpha, t, size, flags=cv2.INTER_LINEAR, borderValue=0)
        if s.subpixel:
            big *= _emitted_pattern(big.shape[:2], s, np.linalg.inv(h), (x0, y0))
        light = cv2.resize(big, (x1 - x0, y1 - y0), interpolation=cv2.INTER_AREA)
        cover = cv2.resize(mask, (x1 - x0, y1 - y0), interpolation=cv2.INTER_AREA)
        region = scene_rgb[y0:y1, x0:x1]
        tint = np.array([1.0, 1.0, 0.97], np.float32) if not s.subpixel else np.array([1.02, 0.98, 1.0], np.float32)
        region[:] = light[:, :, None] * tint * cover[:, :, None] + region * (1 - cover[:, :, None])
    if s.glare:
        scene_rgb += _glare_layer(s, h, origin, code_px, n)[:, :, None] * np.array([0.95, 1.0, 1.0], np.float32)
    if s.finger[2] > 0:
        _finger(scene_rgb, s, h, origin, code_px, rng)
    return _camera(scene_rgb, s, rng)


def _finger(img: np.ndarray, s: Scene, h: np.ndarray, origin: tuple[float, float], code_px: float,
            rng: np.random.Generator) -> None:
    """A fingertip (skin-coloured, shaded ellipse) pressing on one side of the code."""
    side, pos, depth = int(s.finger[0]), s.finger[1], s.finger[2]
    quiet = s.quiet_modules * _SCREEN_PX
    m = _SCREEN_PX
    edge = {0: (pos * code_px, -quiet + depth * m), 1: (code_px + quiet - depth * m, pos * code_px),
            2: (pos * code_px, code_px + quiet - depth * m), 3: (-quiet + depth * m, pos * code_px)}[side]
    tip = np.array([[[origin[1] + edge[0], origin[0] + edge[1]]]], np.float64)
    tx, ty = cv2.perspectiveTransform(tip, h).reshape(2)
    outward = {0: (0, -1), 1: (1, 0), 2: (0, 1), 3: (-1, 0)}[side]
    width = 14 * s.module_px  # a fingertip ~ 14 modules (15 mm) wide at this scale
    cx, cy = tx + outward[0] * width * 1.25, ty + outward[1] * width * 1.25
    ys, xs = np.mgrid[0:FRAME_H, 0:FRAME_W].astype(np.float32)
    ang = math.atan2(outward[1], outward[0])
    u_ = (xs - cx) * math.cos(ang) + (ys - cy) * math.sin(ang)
    v_ = -(xs - cx) * math.sin(ang) + (ys - cy) * math.cos(ang)
    d = (u_ / (1.25 * width)) ** 2 + (v_ / (0.5 * width)) ** 2
    cover = np.clip((1.0 - d) * 4, 0, 1)
    skin = np.array([0.42, 0.52, 0.72], np.float32) * float(rng.uniform(0.6, 1.2))
    shade = np.clip(1.0 - 0.5 * d, 0.4, 1.0)
    img[:] = img * (1 - cover[:, :, None]) + (skin[None, None, :] * shade[:, :, None]) * cover[:, :, None]


def _camera(light: np.ndarray, s: Scene, rng: np.random.Generator) -> np.ndarray:
    """Optics, motion, sensor, ISP and compression: linear light (1 = full scale) → BGR uint8."""
    img: np.ndarray = light * s.exposure
    if s.motion[0] > 0:
        img = cv2.filter2D(img, -1, _line_psf(*s.motion), borderType=cv2.BORDER_REFLECT)
    if s.shutter_skew_px:
        ys, xs = np.mgrid[0:FRAME_H, 0:FRAME_W].astype(np.float32)
        a = math.radians(s.motion[1])
        shift = (ys / FRAME_H - 0.5) * s.shutter_skew_px
        img = cv2.remap(img, xs + shift * math.cos(a), ys + shift * math.sin(a), cv2.INTER_LINEAR,
                        borderMode=cv2.BORDER_REFLECT)
    if s.banding[0] > 0:
        depth, period, phase = s.banding
        rows = np.arange(FRAME_H, dtype=np.float32)
        band = 1.0 - depth * (0.5 + 0.5 * np.sin(2 * math.pi * rows / period + phase)) ** 4
        img = img * band[:, None, None]
    optics = _pillbox(s.defocus_px) if s.defocus_px > 0 else None
    if optics is not None:
        img = cv2.filter2D(img, -1, optics, borderType=cv2.BORDER_REFLECT)
    img = cv2.GaussianBlur(img, (0, 0), 0.45)  # lens + anti-aliasing
    # vignetting and mild barrel distortion
    ys, xs = np.mgrid[0:FRAME_H, 0:FRAME_W].astype(np.float32)
    nx, ny = (xs - FRAME_W / 2) / FRAME_W, (ys - FRAME_H / 2) / FRAME_W
    r2 = nx**2 + ny**2
    img = img * (1.0 - 0.5 * r2)[:, :, None]
    k1 = -0.04
    img = cv2.remap(img, FRAME_W / 2 + nx * (1 + k1 * r2) * FRAME_W, FRAME_H / 2 + ny * (1 + k1 * r2) * FRAME_W,
                    cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT)
    # Bayer sensor (BGGR): one colour per pixel, shot + read noise, clipping at full scale
    raw = np.empty((FRAME_H, FRAME_W), np.float32)
    raw[0::2, 0::2] = img[0::2, 0::2, 0]
    raw[0::2, 1::2] = img[0::2, 1::2, 1]
    raw[1::2, 0::2] = img[1::2, 0::2, 1]
    raw[1::2, 1::2] = img[1::2, 1::2, 2]
    raw = np.clip(raw, 0, 1) * 1023.0
    shot, read = s.noise
    sigma = np.sqrt(shot * 1023.0 * raw + (read * 4) ** 2)
    raw = raw + rng.standard_normal(raw.shape).astype(np.float32) * sigma
    gain = 1.0 / max(0.15, min(1.0, s.exposure))  # under-exposed frames are amplified (noise too)
    raw = np.clip(raw * (gain if s.exposure < 1 else 1.0), 0, 1023).astype(np.uint16)
    # ISP: gamma on the mosaic, demosaicing (OpenCV's VNG, gradient-directed like a camera's ISP)
    mosaic = np.clip(np.power(raw.astype(np.float32) / 1023.0, 1 / 2.2) * 255 + 0.5, 0, 255).astype(np.uint8)
    out = cv2.cvtColor(mosaic, cv2.COLOR_BayerRG2BGR_VNG).astype(np.float32) / 255.0  # BGGR seen from OpenCV
    if s.isp_sharpen > 0:
        out = out + s.isp_sharpen * (out - cv2.GaussianBlur(out, (0, 0), 1.2))
    out8 = np.clip(out * 255 + 0.5, 0, 255).astype(np.uint8)
    ok, enc = cv2.imencode(".jpg", out8, [cv2.IMWRITE_JPEG_QUALITY, s.jpeg_quality])
    decoded = cv2.imdecode(enc, cv2.IMREAD_COLOR) if ok else None
    return out8 if decoded is None else decoded


def render(condition: str, module_px: float, seed: int) -> tuple[np.ndarray, str]:
    """The benchmark frame of (condition, module size, seed) and the payload it shows."""
    payload = payload_for(seed)
    return render_scene(scene(condition, module_px, seed), payload), payload
