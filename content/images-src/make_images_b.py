#!/usr/bin/env python3
"""Generate the part-b illustrations of the 2025-06 sample issue.

Original, hand-designed geometric compositions. PDF/A-friendly SVG:
no <text>, no external references, no filters, no opacity -- only paths,
circles, rects, lines and polygons with solid fills and strokes.

Usage: python3 make_images_b.py   (writes into ../2025-06/images/)
"""
import math
import os
import random

P = "#0E4D64"   # deep teal (primary)
A = "#E07A2F"   # warm accent
PT = "#D6E6EB"  # teal tint
AT = "#F6E3D3"  # accent tint
D = "#1D2A33"   # near-black
W = "#FFFFFF"

WIDTH, HEIGHT = 1200, 600
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "2025-06", "images")


def f(v):
    """Compact number formatting."""
    s = f"{v:.1f}"
    return s[:-2] if s.endswith(".0") else s


def svg(body):
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}">\n' + "\n".join(body) + "\n</svg>\n"
    )


def rect(x, y, w, h, fill, stroke=None, sw=0, rx=0):
    s = f'<rect x="{f(x)}" y="{f(y)}" width="{f(w)}" height="{f(h)}" fill="{fill}"'
    if rx:
        s += f' rx="{f(rx)}"'
    if stroke:
        s += f' stroke="{stroke}" stroke-width="{f(sw)}"'
    return s + "/>"


def circle(cx, cy, r, fill, stroke=None, sw=0):
    s = f'<circle cx="{f(cx)}" cy="{f(cy)}" r="{f(r)}" fill="{fill}"'
    if stroke:
        s += f' stroke="{stroke}" stroke-width="{f(sw)}"'
    return s + "/>"


def line(x1, y1, x2, y2, stroke, sw, dash=None, cap="round"):
    s = (f'<line x1="{f(x1)}" y1="{f(y1)}" x2="{f(x2)}" y2="{f(y2)}" '
         f'stroke="{stroke}" stroke-width="{f(sw)}" stroke-linecap="{cap}"')
    if dash:
        s += f' stroke-dasharray="{dash}"'
    return s + "/>"


def poly(points, fill, stroke=None, sw=0):
    pts = " ".join(f"{f(x)},{f(y)}" for x, y in points)
    s = f'<polygon points="{pts}" fill="{fill}"'
    if stroke:
        s += f' stroke="{stroke}" stroke-width="{f(sw)}" stroke-linejoin="round"'
    return s + "/>"


def path(d, fill="none", stroke=None, sw=0, dash=None):
    s = f'<path d="{d}" fill="{fill}"'
    if stroke:
        s += f' stroke="{stroke}" stroke-width="{f(sw)}" stroke-linecap="round" stroke-linejoin="round"'
    if dash:
        s += f' stroke-dasharray="{dash}"'
    return s + "/>"


def smooth(points):
    """Catmull-Rom spline through points, as a cubic Bezier path string (no M)."""
    d = []
    for i in range(len(points) - 1):
        p0 = points[max(i - 1, 0)]
        p1, p2 = points[i], points[i + 1]
        p3 = points[min(i + 2, len(points) - 1)]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        d.append(f"C{f(c1[0])},{f(c1[1])} {f(c2[0])},{f(c2[1])} {f(p2[0])},{f(p2[1])}")
    return " ".join(d)


# ---------------------------------------------------------------- 1. creative industries
def icon(kind, cx, cy):
    """A geometric pictogram of one creative industry centred at (cx, cy)."""
    b = []
    if kind == "music":
        b.append(path(f"M{cx+6},{cy+18} L{cx+6},{cy-28} L{cx+30},{cy-20} L{cx+30},{cy+10}", stroke=P, sw=6))
        b.append(circle(cx - 4, cy + 20, 11, P))
        b.append(circle(cx + 20, cy + 12, 11, P))
    elif kind == "film":
        b.append(rect(cx - 32, cy - 24, 64, 48, P, rx=4))
        for i in range(4):
            b.append(rect(cx - 26 + i * 15, cy - 19, 8, 7, W))
            b.append(rect(cx - 26 + i * 15, cy + 12, 8, 7, W))
        b.append(rect(cx - 22, cy - 8, 44, 16, A))
    elif kind == "game":
        b.append(rect(cx - 36, cy - 18, 72, 36, P, rx=18))
        b.append(rect(cx - 24, cy - 3, 20, 6, W))
        b.append(rect(cx - 17, cy - 10, 6, 20, W))
        b.append(circle(cx + 14, cy - 4, 5, A))
        b.append(circle(cx + 24, cy + 5, 5, A))
    elif kind == "book":
        b.append(poly([(cx, cy - 16), (cx - 34, cy - 26), (cx - 34, cy + 20), (cx, cy + 30)], P))
        b.append(poly([(cx, cy - 16), (cx + 34, cy - 26), (cx + 34, cy + 20), (cx, cy + 30)], A))
    elif kind == "palette":
        b.append(path(f"M{cx-30},{cy} C{cx-30},{cy-34} {cx+30},{cy-34} {cx+32},{cy-4} "
                      f"C{cx+34},{cy+14} {cx+12},{cy+8} {cx+10},{cy+20} C{cx+8},{cy+32} {cx-30},{cy+30} {cx-30},{cy} Z",
                      fill=P))
        b.append(circle(cx - 14, cy - 10, 6, A))
        b.append(circle(cx + 2, cy - 16, 6, W))
        b.append(circle(cx + 17, cy - 9, 6, AT))
        b.append(circle(cx - 16, cy + 10, 6, PT))
    elif kind == "gem":
        b.append(poly([(cx - 30, cy - 10), (cx - 16, cy - 26), (cx + 16, cy - 26), (cx + 30, cy - 10), (cx, cy + 30)], P))
        b.append(poly([(cx - 30, cy - 10), (cx + 30, cy - 10), (cx, cy + 30)], A))
        b.append(line(cx - 10, cy - 10, cx, cy + 30, W, 3))
        b.append(line(cx + 10, cy - 10, cx, cy + 30, W, 3))
    elif kind == "compass":
        b.append(line(cx, cy - 26, cx - 22, cy + 28, P, 6))
        b.append(line(cx, cy - 26, cx + 22, cy + 28, P, 6))
        b.append(circle(cx, cy - 26, 8, A))
        b.append(path(f"M{cx-14},{cy+8} Q{cx},{cy+18} {cx+14},{cy+8}", stroke=A, sw=5))
    elif kind == "cup":
        b.append(path(f"M{cx-26},{cy-12} L{cx+18},{cy-12} L{cx+14},{cy+22} L{cx-22},{cy+22} Z", fill=P))
        b.append(path(f"M{cx+17},{cy-4} C{cx+36},{cy-6} {cx+34},{cy+14} {cx+15},{cy+12}", stroke=P, sw=6))
        b.append(path(f"M{cx-12},{cy-20} C{cx-18},{cy-28} {cx-6},{cy-32} {cx-12},{cy-40}", stroke=A, sw=4))
        b.append(path(f"M{cx+2},{cy-20} C{cx-4},{cy-28} {cx+8},{cy-32} {cx+2},{cy-40}", stroke=A, sw=4))
    elif kind == "code":
        b.append(path(f"M{cx-16},{cy-20} L{cx-34},{cy} L{cx-16},{cy+20}", stroke=P, sw=7))
        b.append(path(f"M{cx+16},{cy-20} L{cx+34},{cy} L{cx+16},{cy+20}", stroke=P, sw=7))
        b.append(line(cx + 7, cy - 24, cx - 7, cy + 24, A, 7))
    elif kind == "mask":
        b.append(path(f"M{cx-30},{cy-22} L{cx+30},{cy-22} L{cx+28},{cy+4} C{cx+24},{cy+30} {cx-24},{cy+30} {cx-28},{cy+4} Z", fill=P))
        b.append(circle(cx - 12, cy - 6, 6, W))
        b.append(circle(cx + 12, cy - 6, 6, W))
        b.append(path(f"M{cx-12},{cy+10} Q{cx},{cy+22} {cx+12},{cy+10}", stroke=A, sw=5))
    elif kind == "brush":
        b.append(line(cx + 26, cy - 26, cx - 6, cy + 6, P, 8))
        b.append(path(f"M{cx-6},{cy+2} C{cx-18},{cy+6} {cx-20},{cy+18} {cx-30},{cy+28} C{cx-14},{cy+30} {cx},{cy+22} {cx+2},{cy+10} Z", fill=A))
    elif kind == "megaphone":
        b.append(poly([(cx - 28, cy - 8), (cx + 22, cy - 28), (cx + 22, cy + 28), (cx - 28, cy + 8)], P))
        b.append(rect(cx - 34, cy - 10, 10, 20, A, rx=3))
        b.append(path(f"M{cx+30},{cy-10} Q{cx+38},{cy} {cx+30},{cy+10}", stroke=A, sw=4))
    return b


def creative():
    random.seed(7)
    b = [rect(0, 0, WIDTH, HEIGHT, PT)]
    # large calm background geometry
    b.append(circle(1030, 110, 190, AT))
    b.append(circle(150, 560, 150, W))
    b.append(poly([(520, 600), (700, 420), (880, 600)], AT))
    b.append(rect(40, 40, 120, 120, W, rx=10))
    b.append(rect(70, 70, 60, 60, A, rx=6))
    # nodes of the network
    kinds = ["music", "film", "game", "book", "palette", "gem", "compass", "cup",
             "code", "mask", "brush", "megaphone"]
    nodes = [(300, 150), (520, 110), (760, 160), (990, 260), (230, 360), (430, 300),
             (650, 320), (860, 420), (1080, 470), (380, 500), (600, 500), (1080, 110)]
    edges = [(0, 1), (1, 2), (2, 3), (0, 5), (1, 5), (5, 6), (2, 6), (4, 5), (4, 9), (9, 10),
             (6, 10), (6, 7), (3, 7), (7, 8), (3, 11), (2, 11), (10, 7)]
    for i, j in edges:
        (x1, y1), (x2, y2) = nodes[i], nodes[j]
        b.append(line(x1, y1, x2, y2, P, 3))
    # small connector dots along edges
    for i, j in edges[::3]:
        (x1, y1), (x2, y2) = nodes[i], nodes[j]
        b.append(circle((x1 + x2) / 2, (y1 + y2) / 2, 7, A))
    for (x, y), k in zip(nodes, kinds):
        ring = A if k in ("book", "cup", "game") else P
        b.append(circle(x, y, 62, W, ring, 5))
        b.extend(icon(k, x, y))
    return svg(b)


# ---------------------------------------------------------------- 2. coast map
def coast():
    b = [rect(0, 0, WIDTH, HEIGHT, PT)]
    # land occupies the upper part; the coastline is a wavy line from west to east
    coast_pts = [(-20, 330), (120, 350), (230, 320), (330, 345), (430, 395), (520, 380),
                 (620, 335), (720, 318), (820, 300), (910, 268), (1010, 250), (1100, 215), (1220, 190)]
    d = f"M{-20},{-20} L{-20},330 " + smooth(coast_pts) + f" L1220,{-20} Z"
    b.append(path(d, fill=AT, stroke=P, sw=5))
    # fields on land: a loose grid of parcels
    random.seed(3)
    for row in range(2):
        for col in range(9):
            x = 40 + col * 128
            y = 40 + row * 70
            fill = random.choice([W, PT, AT, W])
            b.append(rect(x, y, 100, 52, fill, P, 2, rx=4))
    # roads: a coastal highway below the parcels and two lanes between them
    b.append(path("M-10,212 C300,204 600,218 800,202 S1100,180 1210,170", stroke=D, sw=6))
    b.append(line(410, -10, 410, 210, D, 4))
    b.append(line(922, -10, 922, 192, D, 4))
    # waves on the sea
    for (x, y) in [(120, 450), (320, 520), (560, 470), (760, 540), (930, 410), (1080, 480), (200, 560), (980, 560)]:
        b.append(path(f"M{x},{y} q20,-14 40,0 t40,0 t40,0", stroke=P, sw=3))
    # the tourist route along the coast, dashed
    route = [(190, 300), (470, 345), (700, 300), (1010, 222)]
    b.append(path(f"M{route[0][0]},{route[0][1]} " + smooth(route), stroke=A, sw=6, dash="18 12"))
    # three settlements as pins
    for (x, y), big in zip([route[0], route[2], route[3]], [False, True, False]):
        r = 26 if big else 20
        b.append(poly([(x - r * 0.8, y - r * 1.2), (x + r * 0.8, y - r * 1.2), (x, y + r * 0.6)], A))
        b.append(circle(x, y - r * 1.6, r, A, D, 3))
        b.append(circle(x, y - r * 1.6, r * 0.42, W))
    # a beach umbrella between the pins
    ux, uy = 470, 330
    b.append(line(ux, uy - 50, ux, uy + 8, D, 4))
    b.append(path(f"M{ux-34},{uy-44} Q{ux},{uy-84} {ux+34},{uy-44} Z", fill=P, stroke=D, sw=2))
    b.append(path(f"M{ux-12},{uy-44} Q{ux},{uy-78} {ux+12},{uy-44} Z", fill=A))
    # north arrow in the sea corner
    nx, ny = 1110, 420
    b.append(circle(nx, ny, 46, W, P, 3))
    b.append(poly([(nx, ny - 36), (nx + 14, ny + 6), (nx, ny - 2), (nx - 14, ny + 6)], A))
    b.append(poly([(nx, ny + 36), (nx + 14, ny + 6), (nx, ny + 14), (nx - 14, ny + 6)], P))
    # scale bar
    b.append(rect(60, 540, 80, 12, D))
    b.append(rect(140, 540, 80, 12, W, D, 2))
    b.append(rect(220, 540, 80, 12, D))
    return svg(b)


# ---------------------------------------------------------------- 3. factory with garland
def factory():
    b = [rect(0, 0, WIDTH, HEIGHT, P)]
    random.seed(11)
    for _ in range(40):
        b.append(circle(random.uniform(20, 1180), random.uniform(15, 230), random.choice([1.6, 2.2, 2.8]), PT))
    # crescent moon as a single closed path (outer arc, then inner arc back)
    b.append(path("M1050,56 A46,46 0 1 0 1092,124 A38,38 0 1 1 1050,56 Z", fill=AT))
    # ground
    b.append(rect(0, 500, WIDTH, 100, D))
    # chimney
    b.append(rect(250, 120, 46, 230, AT, D, 3))
    for y in (150, 200):
        b.append(rect(250, y, 46, 14, A))
    # main hall with a sawtooth roof
    x0, x1, base, eave = 160, 1000, 500, 290
    teeth = 6
    tw = (x1 - x0) / teeth
    roof = [(x0, eave)]
    for i in range(teeth):
        roof += [(x0 + i * tw, eave - 70), (x0 + (i + 1) * tw, eave)]
    b.append(poly([(x0, base)] + roof + [(x1, base)], AT, D, 4))
    for i in range(teeth):  # roof glazing of each tooth
        b.append(poly([(x0 + i * tw + 6, eave - 58), (x0 + i * tw + 14, eave - 58),
                       (x0 + i * tw + 14, eave - 6), (x0 + i * tw + 6, eave - 6)], A))
    b.append(rect(x0, eave, x1 - x0, 14, D))
    # windows: two rows, warm light
    for row, y in enumerate((325, 400)):
        for i in range(12):
            x = 190 + i * 66
            if 520 <= x <= 640 and row == 1:
                continue  # leave room for the entrance
            lit = A if (i + row) % 3 else AT
            b.append(rect(x, y, 44, 52, lit, D, 3, rx=2))
            b.append(line(x + 22, y, x + 22, y + 52, D, 2, cap="butt"))
    # entrance with a canopy
    b.append(rect(536, 400, 110, 100, D))
    b.append(rect(552, 414, 36, 86, A))
    b.append(rect(594, 414, 36, 86, A))
    b.append(poly([(516, 398), (666, 398), (650, 378), (532, 378)], P, D, 3))
    # garland poles
    poles = [(90, 300), (420, 360), (760, 360), (1110, 300)]
    for x, y in poles:
        b.append(line(x, y, x, 500, D, 7, cap="butt"))
        b.append(circle(x, y, 7, D))
    # catenary-like strings with bulbs
    for (xa, ya), (xb, yb) in zip(poles, poles[1:]):
        sag = 55
        n = 14
        pts = []
        for k in range(n + 1):
            t = k / n
            x = xa + (xb - xa) * t
            y = ya + (yb - ya) * t + sag * 4 * t * (1 - t)
            pts.append((x, y))
        b.append(path(f"M{f(pts[0][0])},{f(pts[0][1])} " + smooth(pts), stroke=D, sw=3))
        for k, (x, y) in enumerate(pts[1:-1], 1):
            b.append(line(x, y, x, y + 9, D, 2, cap="butt"))
            b.append(circle(x, y + 16, 7, A if k % 2 else AT, D, 1.5))
    # trees
    for x, s in [(60, 1.0), (1150, 1.1), (1040, 0.8)]:
        b.append(rect(x - 6 * s, 430, 12 * s, 70, D))
        b.append(circle(x, 420, 46 * s, PT, D, 3))
        b.append(circle(x - 18 * s, 440, 30 * s, PT, D, 3))
        b.append(circle(x + 20 * s, 438, 28 * s, PT, D, 3))
    return svg(b)


# ---------------------------------------------------------------- 4. stack of reports
def reports():
    b = [rect(0, 0, WIDTH, HEIGHT, AT)]
    b.append(circle(210, 120, 90, PT))
    b.append(circle(1060, 500, 140, PT))
    b.append(rect(0, 520, WIDTH, 80, W))
    b.append(line(0, 520, WIDTH, 520, D, 3, cap="butt"))
    # stack: books lying flat, drawn as a front edge and a top face
    stack = [(430, 470, 440, 50, P), (450, 420, 410, 50, A), (420, 376, 460, 44, D),
             (455, 330, 400, 46, PT), (440, 286, 430, 44, P)]
    for x, y, w, h, c in stack:
        b.append(rect(x, y, w, h, c, D, 3, rx=3))
        b.append(rect(x + w - 40, y + 6, 30, h - 12, W, D, 2))  # pages edge
        b.append(line(x + 24, y + h / 2, x + 160, y + h / 2, W if c != PT else P, 5))
    # the top report lies at an angle with its cover visible
    cx, cy = 650, 200
    cover = [(cx - 250, cy + 70), (cx + 180, cy + 70), (cx + 240, cy - 60), (cx - 190, cy - 60)]
    b.append(poly([(p[0], p[1] + 16) for p in cover], D))
    b.append(poly(cover, W, D, 3))
    # bars on the cover
    for i, h in enumerate([30, 48, 40, 62, 80]):
        bx = cx - 150 + i * 42
        b.append(poly([(bx, cy + 50), (bx + 26, cy + 50), (bx + 26 + h * 0.46, cy + 50 - h),
                       (bx + h * 0.46, cy + 50 - h)], P if i < 4 else A))
    # a trend line
    pts = [(cx + 80, cy + 40), (cx + 120, cy + 10), (cx + 150, cy + 20), (cx + 190, cy - 35)]
    b.append(path(f"M{pts[0][0]},{pts[0][1]} " + " ".join(f"L{x},{y}" for x, y in pts[1:]), stroke=A, sw=6))
    for x, y in pts:
        b.append(circle(x, y, 6, A))
    # a report standing upright on the right
    b.append(rect(940, 230, 150, 290, P, D, 3, rx=4))
    b.append(rect(960, 260, 110, 14, W))
    b.append(rect(960, 286, 74, 10, PT))
    b.append(circle(1015, 400, 44, A))
    b.append(path("M1015,400 L1015,356 A44,44 0 0 1 1056,415 Z", fill=AT))
    # a slim brochure leaning on it
    b.append(poly([(880, 520), (930, 520), (1000, 280), (952, 272)], A, D, 3))
    b.append(line(920, 470, 965, 320, W, 5))
    # pencil in front
    b.append(poly([(170, 505), (360, 455), (366, 475), (176, 525)], A, D, 2))
    b.append(poly([(360, 455), (392, 458), (366, 475)], AT, D, 2))
    b.append(poly([(150, 512), (170, 505), (176, 525), (156, 531)], P, D, 2))
    return svg(b)


# ---------------------------------------------------------------- 5. food cluster site plan
def foodsite():
    b = [rect(0, 0, WIDTH, HEIGHT, AT)]
    # surroundings: fields as stripes
    for i in range(9):
        b.append(path(f"M{-50 + i * 60},600 L{120 + i * 60},420", stroke=W, sw=14))
    # the site boundary
    site = [(300, 70), (1010, 50), (1110, 300), (1010, 540), (360, 560), (250, 330)]
    b.append(poly(site, PT, P, 6))
    # internal roads
    b.append(path("M270,320 L1100,300", stroke=D, sw=14))
    b.append(path("M640,60 L660,550", stroke=D, sw=14))
    b.append(path("M270,320 L1100,300", stroke=AT, sw=2))
    b.append(path("M640,60 L660,550", stroke=AT, sw=2))
    # plots for residents: a mix of occupied (filled) and ready (outlined) parcels
    plots = [
        (340, 110, 120, 80, P), (480, 100, 130, 90, A), (680, 95, 140, 90, W), (840, 90, 120, 80, P),
        (330, 205, 130, 80, W), (480, 205, 130, 80, P), (680, 200, 140, 80, A), (840, 190, 150, 90, W),
        (330, 340, 130, 90, A), (480, 340, 140, 90, W), (690, 330, 130, 90, P), (840, 330, 160, 90, W),
        (400, 450, 210, 80, P), (690, 440, 140, 80, W), (850, 440, 120, 80, A),
    ]
    for x, y, w, h, c in plots:
        b.append(rect(x, y, w, h, c, D, 3, rx=4))
        if c == W:  # future plots: a dashed inner outline
            b.append(rect(x + 10, y + 10, w - 20, h - 20, W, P, 2))
    # simple roof marks on occupied plots
    for x, y, w, h, c in plots:
        if c != W:
            inner = AT if c in (P, A) else P
            b.append(rect(x + 14, y + 14, w * 0.45, h - 28, inner))
            b.append(rect(x + w * 0.6, y + 14, w * 0.28, (h - 28) / 2, inner))
    # entrance gate marker
    b.append(circle(270, 320, 22, A, D, 3))
    b.append(circle(270, 320, 8, W))
    # grain ear pictogram in the corner
    gx, gy = 130, 150
    b.append(line(gx, gy + 110, gx, gy - 40, P, 6))
    for k in range(5):
        y = gy + 40 - k * 30
        b.append(path(f"M{gx},{y} C{gx-30},{y-6} {gx-36},{y-30} {gx-24},{y-38} C{gx-10},{y-30} {gx-4},{y-16} {gx},{y} Z", fill=A))
        b.append(path(f"M{gx},{y} C{gx+30},{y-6} {gx+36},{y-30} {gx+24},{y-38} C{gx+10},{y-30} {gx+4},{y-16} {gx},{y} Z", fill=A))
    b.append(path(f"M{gx},{gy-40} C{gx-10},{gy-60} {gx+10},{gy-70} {gx},{gy-86} C{gx-8},{gy-70} {gx+12},{gy-60} {gx},{gy-40} Z", fill=A))
    return svg(b)


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, fn in [("b-creative-shapes.svg", creative), ("b-coast-map.svg", coast),
                     ("b-zori-factory.svg", factory), ("b-reports-stack.svg", reports),
                     ("b-food-cluster.svg", foodsite)]:
        data = fn()
        for bad in ("<text", "opacity", "filter", "href", "url("):
            assert bad not in data, (name, bad)
        with open(os.path.join(OUT, name), "w", encoding="utf-8") as fh:
            fh.write(data)
        print(f"{name}: {len(data.encode('utf-8'))} bytes")


if __name__ == "__main__":
    main()
