"""Pictures without their metadata: PNG and JPEG filtered losslessly, other raster formats redrawn as PNG."""

from __future__ import annotations

import io
import struct
import zlib

PNG, JPEG = "image/png", "image/jpeg"
RASTER = {PNG, JPEG, "image/gif", "image/bmp", "image/tiff", "image/x-png", "image/jpg", "image/pjpeg"}

# Chunks that draw the picture; text (tEXt, zTXt, iTXt), EXIF, ICC profiles, times go.
PNG_KEEP = {b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"sBIT", b"bKGD", b"pHYs"}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def clean_image(blob: bytes, content_type: str) -> tuple[bytes, str] | None:
    """The picture without its metadata, as (bytes, content type); None if it cannot be cleaned.

    PNG and JPEG are filtered losslessly, chunk by chunk or segment by segment (Pillow would
    re-encode a JPEG and lose quality); other raster formats become PNG through Pillow.
    """
    if content_type not in RASTER:
        return None
    try:
        if blob.startswith(PNG_SIGNATURE):
            return _strip_png(blob), PNG
        if blob.startswith(b"\xff\xd8"):
            return _strip_jpeg(blob), JPEG
        return _to_png(blob), PNG
    except Exception:  # a damaged picture: not worth a failed run, but it cannot be kept
        return None


def _strip_png(blob: bytes) -> bytes:
    out, pos = [PNG_SIGNATURE], len(PNG_SIGNATURE)
    while pos < len(blob):
        (length,) = struct.unpack(">I", blob[pos:pos + 4])
        kind = blob[pos + 4:pos + 8]
        end = pos + 12 + length
        if end > len(blob) or len(kind) < 4:
            raise ValueError("truncated PNG chunk")
        data = blob[pos + 8:pos + 8 + length]
        if zlib.crc32(kind + data) & 0xFFFFFFFF != struct.unpack(">I", blob[end - 4:end])[0]:
            raise ValueError("PNG chunk checksum")
        if kind in PNG_KEEP:
            out.append(blob[pos:end])
        pos = end
        if kind == b"IEND":
            break
    if len(out) < 3:
        raise ValueError("empty PNG")
    return b"".join(out)


def _strip_jpeg(blob: bytes) -> bytes:
    """Keep the markers that decode the picture; APP1-APP13, APP15 (EXIF, XMP, IPTC) and comments go."""
    out, pos = [b"\xff\xd8"], 2
    while pos < len(blob):
        if blob[pos] != 0xFF:
            raise ValueError("JPEG marker expected")
        marker = blob[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker == 0xD9:
            out.append(b"\xff\xd9")
            break
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            out.append(blob[pos:pos + 2])
            pos += 2
            continue
        (length,) = struct.unpack(">H", blob[pos + 2:pos + 4])
        end = pos + 2 + length
        if end > len(blob):
            raise ValueError("truncated JPEG segment")
        keep = not (0xE1 <= marker <= 0xEF or marker == 0xFE)
        if marker == 0xE0:
            keep = blob[pos + 4:pos + 9] == b"JFIF\x00"
        if marker == 0xEE:
            keep = blob[pos + 4:pos + 9] == b"Adobe"  # its colour transform flag decodes CMYK files
        if keep:
            out.append(blob[pos:end])
        pos = end
        if marker == 0xDA:  # start of scan: entropy-coded data runs to the next real marker
            scan = pos
            while True:
                pos = blob.find(b"\xff", pos)
                if pos == -1 or pos >= len(blob) - 1:
                    pos = len(blob)
                    break
                if blob[pos + 1] != 0x00 and not 0xD0 <= blob[pos + 1] <= 0xD7:
                    break  # a real marker (stuffed zero bytes and restart markers belong to the scan)
                pos += 2
            out.append(blob[scan:pos])
    return b"".join(out)


def _to_png(blob: bytes) -> bytes:
    from PIL import Image

    with Image.open(io.BytesIO(blob)) as im:
        im.load()
        frame = im.convert("RGBA") if im.mode not in ("1", "L", "LA", "RGB", "RGBA", "P") else im
        buffer = io.BytesIO()
        # Only pixels: no pnginfo, no ICC profile, no EXIF.
        frame.save(buffer, "PNG")
    return _strip_png(buffer.getvalue())
