#!/usr/bin/env python3
"""Generate the SVG artwork of the sample issue (logo, cover, article images).

Original work for the digestpress sample publication. The output uses only
plain shapes (path, circle, rect, line, polygon) with solid fills and strokes:
no <text>, no filters, no opacity, no external references, so that the images
can be embedded in a PDF/A document.

Usage:  python3 content/images-src/make_images.py   (from the repository root
or from anywhere: paths are resolved relative to this file)
"""
import math
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent          # content/

# Brand palette (see publication.yaml) and solid tints derived from it.
PRIMARY = "#0E4D5C"
PRIMARY_DARK = "#0A3A46"
PRIMARY_MID = "#2F6F7E"
PRIMARY_SOFT = "#5E97A3"
PRIMARY_LIGHT = "#CFE3E6"
PRIMARY_PALE = "#EEF5F6"
ACCENT = "#D9822B"
ACCENT_LIGHT = "#F3D9BD"
TEXT = "#1D2326"
WHITE = "#FFFFFF"


def f(x):
    """Compact number formatting (keeps the files small)."""
    s = f"{x:.1f}"
    return s[:-2] if s.endswith(".0") else s


class Svg:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.items = []

    def add(self, s):
        self.items.append(s)

    def rect(self, x, y, w, h, fill, rx=0, stroke=None, sw=0):
        st = f' stroke="{stroke}" stroke-width="{f(sw)}"' if stroke else ""
        r = f' rx="{f(rx)}"' if rx else ""
        self.add(f'<rect x="{f(x)}" y="{f(y)}" width="{f(w)}" height="{f(h)}"{r} fill="{fill}"{st}/>')

    def circle(self, cx, cy, r, fill="none", stroke=None, sw=0):
        st = f' stroke="{stroke}" stroke-width="{f(sw)}"' if stroke else ""
        self.add(f'<circle cx="{f(cx)}" cy="{f(cy)}" r="{f(r)}" fill="{fill}"{st}/>')

    def line(self, x1, y1, x2, y2, stroke, sw, cap="round"):
        self.add(f'<line x1="{f(x1)}" y1="{f(y1)}" x2="{f(x2)}" y2="{f(y2)}" '
                 f'stroke="{stroke}" stroke-width="{f(sw)}" stroke-linecap="{cap}"/>')

    def poly(self, pts, fill, stroke=None, sw=0, join="round"):
        st = f' stroke="{stroke}" stroke-width="{f(sw)}" stroke-linejoin="{join}"' if stroke else ""
        p = " ".join(f"{f(x)},{f(y)}" for x, y in pts)
        self.add(f'<polygon points="{p}" fill="{fill}"{st}/>')

    def path(self, d, fill="none", stroke=None, sw=0):
        st = (f' stroke="{stroke}" stroke-width="{f(sw)}" stroke-linecap="round" '
              f'stroke-linejoin="round"') if stroke else ""
        self.add(f'<path d="{d}" fill="{fill}"{st}/>')

    def save(self, rel):
        out = ROOT / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        body = "\n".join(self.items)
        out.write_text(
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.w}" height="{self.h}" '
            f'viewBox="0 0 {self.w} {self.h}">\n{body}\n</svg>\n', encoding="utf-8")
        print(f"{rel}: {out.stat().st_size} bytes")


def hexagon(cx, cy, r, rot=30):
    return [(cx + r * math.cos(math.radians(rot + 60 * i)),
             cy + r * math.sin(math.radians(rot + 60 * i))) for i in range(6)]


def gear_path(cx, cy, r_out, r_in, teeth, rot=0.0):
    """Closed path of a spur gear outline with trapezoid teeth."""
    pts = []
    step = 2 * math.pi / teeth
    for i in range(teeth):
        a = rot + i * step
        for da, r in ((-0.30, r_in), (-0.17, r_out), (0.17, r_out), (0.30, r_in)):
            ang = a + da * step * 1.6
            pts.append((cx + r * math.cos(ang), cy + r * math.sin(ang)))
    return "M" + " L".join(f"{f(x)} {f(y)}" for x, y in pts) + " Z"


# --------------------------------------------------------------------------
# Logo: a honeycomb of seven hexagons; a network of nodes runs through them.
# --------------------------------------------------------------------------
def logo():
    s = Svg(200, 200)
    cx, cy, R = 100, 100, 30
    d = R * math.sqrt(3)                       # distance between cell centres
    centres = [(cx, cy)] + [(cx + d * math.cos(math.radians(30 + 60 * i)),
                             cy + d * math.sin(math.radians(30 + 60 * i))) for i in range(6)]
    for i, (x, y) in enumerate(centres):
        s.poly(hexagon(x, y, R - 2.5), ACCENT if i == 0 else PRIMARY)
    # links: centre to every cell, and around the ring
    for x, y in centres[1:]:
        s.line(cx, cy, x, y, WHITE, 3.2)
    for i in range(1, 7):
        x1, y1 = centres[i]
        x2, y2 = centres[1 + i % 6]
        s.line(x1, y1, x2, y2, PRIMARY_LIGHT, 2.2)
    for i, (x, y) in enumerate(centres):
        s.circle(x, y, 8.5 if i == 0 else 6, WHITE)
        if i == 0:
            s.circle(x, y, 4, ACCENT)
    s.save("brand/logo.svg")


# --------------------------------------------------------------------------
# Cover: clusters of nodes on a deep teal field, linked into a network.
# --------------------------------------------------------------------------
def cover():
    rnd = random.Random(6_2025)
    W, H = 1240, 1000
    s = Svg(W, H)
    s.rect(0, 0, W, H, PRIMARY)
    # a quiet honeycomb texture, drawn as outlines one shade lighter
    R = 62
    dx, dy = R * math.sqrt(3), R * 1.5
    row = 0
    y = -R
    while y < H + R:
        x0 = -R + (dx / 2 if row % 2 else 0)
        x = x0
        while x < W + R:
            s.poly(hexagon(x, y, R - 3), PRIMARY, stroke="#145A6A", sw=2)
            x += dx
        y += dy
        row += 1
    # cluster centres: a loose band across the page
    centres = [(190, 250), (470, 170), (760, 300), (1060, 190),
               (300, 620), (640, 560), (960, 650), (1120, 880), (150, 900), (520, 880)]
    big = {2, 5}                              # two accent "anchor" clusters
    nodes = []
    for k, (ccx, ccy) in enumerate(centres):
        n = 9 if k in big else rnd.randint(5, 8)
        members = []
        for i in range(n):
            a = 2 * math.pi * i / n + rnd.uniform(-0.25, 0.25)
            r = rnd.uniform(55, 105) if k in big else rnd.uniform(45, 85)
            members.append((ccx + r * math.cos(a), ccy + r * math.sin(a)))
        nodes.append(((ccx, ccy), members))
    # inter-cluster links (behind everything)
    links = [(0, 1), (1, 2), (2, 3), (0, 4), (4, 5), (5, 2), (5, 6), (6, 3),
             (6, 7), (4, 8), (8, 9), (9, 5), (9, 7), (1, 5)]
    for a, b in links:
        (x1, y1), _ = nodes[a]
        (x2, y2), _ = nodes[b]
        s.line(x1, y1, x2, y2, PRIMARY_SOFT, 3)
    # intra-cluster links and nodes
    for k, ((ccx, ccy), members) in enumerate(nodes):
        for i, (x, y) in enumerate(members):
            s.line(ccx, ccy, x, y, PRIMARY_LIGHT, 1.6)
            nx, ny = members[(i + 1) % len(members)]
            s.line(x, y, nx, ny, PRIMARY_SOFT, 1.4)
        for (x, y) in members:
            s.circle(x, y, rnd.uniform(5, 9), WHITE if k in big else PRIMARY_LIGHT)
        if k in big:
            s.circle(ccx, ccy, 30, ACCENT)
            s.circle(ccx, ccy, 14, WHITE)
        else:
            s.circle(ccx, ccy, 20, WHITE)
            s.circle(ccx, ccy, 8, PRIMARY)
    # accent band at the foot of the artwork
    s.rect(0, H - 14, W, 14, ACCENT)
    s.save("2025-06/cover.svg")


# --------------------------------------------------------------------------
# Item 1: Moscow SEZ sites as a hub with five sites and their members.
# --------------------------------------------------------------------------
def moscow_sez():
    rnd = random.Random(1)
    W, H = 800, 500
    s = Svg(W, H)
    s.rect(0, 0, W, H, PRIMARY_PALE)
    cx, cy = 400, 250
    # stylised city rings
    s.circle(cx, cy, 215, stroke=PRIMARY_LIGHT, sw=10)
    s.circle(cx, cy, 120, stroke=PRIMARY_LIGHT, sw=6)
    sites = [  # (angle, distance, radius, members)
        (-150, 190, 40, 10),  # pharma
        (-40, 200, 38, 8),    # photonics
        (40, 195, 36, 9),     # batteries / e-mobility
        (150, 190, 36, 8),    # UAV
        (95, 170, 30, 6),     # university technopark
    ]
    pos = []
    for ang, dist, r, m in sites:
        x = cx + dist * 1.25 * math.cos(math.radians(ang))
        y = cy + dist * 0.95 * math.sin(math.radians(ang))
        pos.append((x, y, r, m))
    for x, y, r, m in pos:
        s.line(cx, cy, x, y, PRIMARY_MID, 5)
    ring = sorted(range(len(pos)), key=lambda i: sites[i][0])   # by angle
    for i in range(len(ring)):
        x1, y1, _, _ = pos[ring[i]]
        x2, y2, _, _ = pos[ring[(i + 1) % len(ring)]]
        s.line(x1, y1, x2, y2, PRIMARY_SOFT, 2)
    for x, y, r, m in pos:
        for j in range(m):
            a = 2 * math.pi * j / m + rnd.uniform(-0.2, 0.2)
            d = r + rnd.uniform(22, 38)
            nx, ny = x + d * math.cos(a), y + d * math.sin(a)
            s.line(x, y, nx, ny, PRIMARY_SOFT, 1.5)
            s.circle(nx, ny, 5.5, PRIMARY_MID)
        s.circle(x, y, r, PRIMARY)
    # glyphs inside the site nodes (white, simple)
    (x, y, r, _) = pos[0]              # pharma: capsule
    s.rect(x - 20, y - 8, 40, 16, WHITE, rx=8)
    s.rect(x, y - 8, 20, 16, ACCENT_LIGHT, rx=0)
    s.path(f"M{f(x)} {f(y - 8)} H{f(x + 12)} A8 8 0 0 1 {f(x + 12)} {f(y + 8)} H{f(x)} Z", ACCENT_LIGHT)
    (x, y, r, _) = pos[1]              # photonics/microelectronics: chip
    s.rect(x - 13, y - 13, 26, 26, WHITE, rx=3)
    for t in (-8, 0, 8):
        s.line(x + t, y - 20, x + t, y - 13, WHITE, 2.5, cap="butt")
        s.line(x + t, y + 13, x + t, y + 20, WHITE, 2.5, cap="butt")
        s.line(x - 20, y + t, x - 13, y + t, WHITE, 2.5, cap="butt")
        s.line(x + 13, y + t, x + 20, y + t, WHITE, 2.5, cap="butt")
    s.rect(x - 6, y - 6, 12, 12, PRIMARY)
    (x, y, r, _) = pos[2]              # battery
    s.rect(x - 17, y - 10, 30, 20, WHITE, rx=3)
    s.rect(x + 13, y - 5, 5, 10, WHITE, rx=1)
    s.rect(x - 13, y - 6, 8, 12, ACCENT)
    s.rect(x - 3, y - 6, 8, 12, ACCENT)
    (x, y, r, _) = pos[3]              # UAV: small quadcopter
    for dx_, dy_ in ((-11, -11), (11, -11), (-11, 11), (11, 11)):
        s.line(x, y, x + dx_, y + dy_, WHITE, 3)
        s.circle(x + dx_, y + dy_, 6, stroke=WHITE, sw=2.5)
    s.rect(x - 5, y - 5, 10, 10, WHITE, rx=2)
    (x, y, r, _) = pos[4]              # technopark: flask
    s.poly([(x - 4, y - 14), (x + 4, y - 14), (x + 4, y - 4), (x + 12, y + 11),
            (x - 12, y + 11), (x - 4, y - 4)], WHITE)
    s.rect(x - 8, y + 3, 16, 6, ACCENT_LIGHT)
    # the SEZ hub
    s.circle(cx, cy, 54, ACCENT)
    s.poly(hexagon(cx, cy, 34), WHITE)
    s.poly(hexagon(cx, cy, 18), PRIMARY)
    s.save("2025-06/images/moscow-sez.svg")


# --------------------------------------------------------------------------
# Item 4: a quadcopter above two linked regions.
# --------------------------------------------------------------------------
def uav():
    rnd = random.Random(4)
    W, H = 800, 500
    s = Svg(W, H)
    s.rect(0, 0, W, H, PRIMARY_PALE)
    # background network
    pts = [(rnd.uniform(30, 770), rnd.uniform(30, 470)) for _ in range(26)]
    for i, (x, y) in enumerate(pts):
        near = sorted(pts, key=lambda p: (p[0] - x) ** 2 + (p[1] - y) ** 2)[1:3]
        for nx, ny in near:
            s.line(x, y, nx, ny, PRIMARY_LIGHT, 1.5)
    for x, y in pts:
        s.circle(x, y, 4, PRIMARY_LIGHT)
    # two regions on the ground, linked
    s.add(f'<ellipse cx="230" cy="405" rx="120" ry="42" fill="{PRIMARY_LIGHT}"/>')
    s.add(f'<ellipse cx="570" cy="405" rx="120" ry="42" fill="{PRIMARY_LIGHT}"/>')
    s.line(270, 405, 530, 405, PRIMARY_MID, 5)
    s.circle(230, 405, 20, PRIMARY)
    s.circle(570, 405, 20, PRIMARY)
    s.circle(230, 405, 8, WHITE)
    s.circle(570, 405, 8, WHITE)
    s.circle(400, 405, 12, ACCENT)
    # dashed "flight path" from the drone down to the link
    s.add(f'<line x1="400" y1="300" x2="400" y2="388" stroke="{PRIMARY_SOFT}" '
          f'stroke-width="3" stroke-dasharray="8 8"/>')
    # quadcopter, seen from above at a slight angle
    cx, cy = 400, 200
    arms = [(-130, -70), (130, -70), (-130, 70), (130, 70)]
    for ax, ay in arms:
        s.line(cx, cy, cx + ax, cy + ay, PRIMARY, 14)
    for ax, ay in arms:
        x, y = cx + ax, cy + ay
        s.add(f'<ellipse cx="{f(x)}" cy="{f(y)}" rx="64" ry="20" fill="{ACCENT_LIGHT}" '
              f'stroke="{ACCENT}" stroke-width="3"/>')
        s.circle(x, y, 11, PRIMARY_DARK)
        s.line(x - 52, y, x + 52, y, ACCENT, 5)
    s.rect(cx - 58, cy - 36, 116, 72, PRIMARY, rx=22)
    s.rect(cx - 30, cy - 18, 60, 36, PRIMARY_MID, rx=10)
    s.circle(cx, cy + 36, 13, PRIMARY_DARK)    # camera
    s.circle(cx, cy + 36, 6, ACCENT)
    s.save("2025-06/images/uav-cluster.svg")


# --------------------------------------------------------------------------
# Item 5: meshing gears, a plant and a pipeline with a valve.
# --------------------------------------------------------------------------
def gears():
    W, H = 800, 500
    s = Svg(W, H)
    s.rect(0, 0, W, H, PRIMARY_PALE)
    # plant silhouette
    base = 420
    s.rect(40, base - 150, 34, 150, PRIMARY_LIGHT)           # chimney
    s.rect(34, base - 160, 46, 14, PRIMARY_LIGHT)
    saw = [(90, base)]
    x = 90
    for _ in range(4):
        saw += [(x, base - 120), (x + 70, base - 170), (x + 70, base - 120)]
        x += 70
    saw += [(x, base - 120), (x, base)]
    s.poly(saw, PRIMARY_LIGHT)
    for i in range(4):
        s.rect(110 + 70 * i, base - 90, 30, 40, PRIMARY_PALE)
    # pipeline with a valve along the bottom
    s.rect(0, base + 10, W, 26, PRIMARY_SOFT)
    for xx in (120, 300, 660):
        s.rect(xx - 8, base + 4, 16, 38, PRIMARY_MID)        # flanges
    s.poly([(470, base + 23), (440, base + 3), (440, base + 43)], PRIMARY)
    s.poly([(470, base + 23), (500, base + 3), (500, base + 43)], PRIMARY)
    s.rect(466, base - 22, 8, 40, PRIMARY)
    s.rect(442, base - 30, 56, 10, ACCENT, rx=5)
    # gears
    s.path(gear_path(560, 210, 150, 124, 16), PRIMARY)
    s.circle(560, 210, 92, PRIMARY_MID)
    s.circle(560, 210, 40, PRIMARY_PALE)
    for i in range(6):
        a = math.radians(60 * i)
        s.line(560 + 44 * math.cos(a), 210 + 44 * math.sin(a),
               560 + 88 * math.cos(a), 210 + 88 * math.sin(a), PRIMARY, 12)
    g2x, g2y = 560 - 224 * math.cos(math.radians(32)), 210 + 224 * math.sin(math.radians(32))
    s.path(gear_path(g2x, g2y, 92, 72, 10, rot=math.radians(18)), ACCENT)
    s.circle(g2x, g2y, 30, PRIMARY_PALE)
    s.circle(g2x, g2y, 14, ACCENT)
    s.save("2025-06/images/gears-industry.svg")


# --------------------------------------------------------------------------
# Item 8: a tractor with a mounted implement, a gear and partner nodes.
# --------------------------------------------------------------------------
def tractor():
    W, H = 800, 500
    s = Svg(W, H)
    s.rect(0, 0, W, H, PRIMARY_PALE)
    # partner network in the upper right
    hub = (640, 120)
    partners = [(520, 60), (740, 60), (760, 200), (540, 200), (660, 40)]
    for x, y in partners:
        s.line(hub[0], hub[1], x, y, PRIMARY_SOFT, 3)
    for x, y in partners:
        s.circle(x, y, 14, PRIMARY_MID)
    s.path(gear_path(hub[0], hub[1], 44, 34, 10), ACCENT)
    s.circle(hub[0], hub[1], 15, PRIMARY_PALE)
    # ground
    s.rect(0, 430, W, 70, PRIMARY_LIGHT)
    # tractor body
    s.rect(240, 300, 250, 80, PRIMARY, rx=10)                 # chassis/hood
    s.poly([(380, 300), (390, 170), (500, 170), (510, 300)], PRIMARY)   # cab
    s.poly([(398, 185), (492, 185), (498, 285), (392, 285)], PRIMARY_LIGHT)  # glass
    s.rect(380, 160, 130, 16, PRIMARY_DARK, rx=4)             # roof
    s.rect(280, 250, 14, 52, PRIMARY_DARK)                    # exhaust
    s.rect(250, 320, 120, 8, PRIMARY_MID)                     # grille lines
    s.rect(250, 340, 120, 8, PRIMARY_MID)
    # wheels
    s.circle(450, 380, 78, TEXT)
    s.circle(450, 380, 46, PRIMARY_SOFT)
    s.circle(450, 380, 16, ACCENT)
    s.circle(275, 400, 40, TEXT)
    s.circle(275, 400, 22, PRIMARY_SOFT)
    s.circle(275, 400, 8, ACCENT)
    # front-mounted implement (hop-yard attachment, stylised)
    s.rect(180, 330, 62, 12, PRIMARY_DARK)
    s.rect(120, 300, 64, 110, ACCENT, rx=6)
    for i in range(4):
        s.rect(128, 312 + 24 * i, 48, 10, ACCENT_LIGHT, rx=3)
    # hop rows behind the tractor
    for x in (560, 610, 660, 710, 760):
        s.line(x, 430, x, 300, PRIMARY_SOFT, 4)
        for k in range(3):
            s.circle(x - 8, 320 + 35 * k, 9, PRIMARY_MID)
            s.circle(x + 8, 337 + 35 * k, 9, PRIMARY_MID)
    s.line(540, 300, 780, 300, PRIMARY_SOFT, 3)
    s.save("2025-06/images/tractor-cluster.svg")


if __name__ == "__main__":
    logo()
    cover()
    moscow_sez()
    uav()
    gears()
    tractor()
