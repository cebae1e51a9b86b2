# One-off generator for the Lifeline icons (a lifebuoy ring); the outputs are committed, this is not run by the build.
import math, struct, zlib, sys
def png(size):
    rows = []
    c = size / 2.0
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            dx, dy = x + 0.5 - c, y + 0.5 - c
            r = math.hypot(dx, dy) / c
            a = (math.degrees(math.atan2(dy, dx)) + 360) % 360
            if 0.46 <= r <= 0.92:
                red = (int(a + 45) // 90) % 2 == 0
                px = (214, 40, 40, 255) if red else (250, 250, 250, 255)
            elif 0.42 <= r < 0.46 or 0.92 < r <= 0.96:
                px = (30, 41, 59, 255)
            else:
                px = (0, 0, 0, 0)
            row += bytes(px)
        rows.append(bytes(row))
    raw = b"".join(rows)
    def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
out = sys.argv[1]
p256, p512 = png(256), png(512)
open(out + "/lifeline.png", "wb").write(p256)
# ICO with one embedded 256x256 PNG (width/height byte 0 means 256), valid since Windows Vista.
open(out + "/lifeline.ico", "wb").write(struct.pack("<HHH", 0, 1, 1) + struct.pack("<BBBBHHII", 0, 0, 0, 0, 1, 32, len(p256), 22) + p256)
# ICNS with PNG entries: ic08 = 256x256, ic09 = 512x512.
body = b"ic08" + struct.pack(">I", len(p256) + 8) + p256 + b"ic09" + struct.pack(">I", len(p512) + 8) + p512
open(out + "/lifeline.icns", "wb").write(b"icns" + struct.pack(">I", len(body) + 8) + body)
