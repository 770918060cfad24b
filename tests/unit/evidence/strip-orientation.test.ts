// A working copy without metadata keeps a sideways photo upright: the Orientation tag is rewritten alone,
// and nothing else of the EXIF block (camera, author, GPS) survives.
import ExifReader from 'exifreader';
import { describe, expect, it } from 'vitest';
import { exifOrientation, stripJpeg } from '../../../electron/core/evidence/strip';
import { jpegWithExif } from '../../support/media';

const GPS = { latitude: 17.5506, longitude: -99.5024 };

describe('stripping a JPEG', () => {
  it('keeps only the orientation of a sideways photo', () => {
    const original = jpegWithExif({
      make: 'Cámara',
      model: 'Teléfono X',
      artist: 'Defensora A.L.Q.',
      gps: GPS,
      orientation: 6,
    });
    const copy = stripJpeg(original);
    const tags = ExifReader.load(copy, { expanded: true }) as {
      exif?: Record<string, { value: unknown }>;
      gps?: unknown;
    };
    expect(tags.exif?.['Orientation']?.value).toBe(6);
    expect(tags.gps).toBeUndefined();
    for (const leak of ['Cámara', 'Teléfono', 'A.L.Q.', 'Taken by']) {
      expect(copy.includes(Buffer.from(leak, 'latin1')), leak).toBe(false);
    }
    // The image data itself is untouched, byte for byte.
    const scan = (b: Buffer) => b.subarray(b.indexOf(Buffer.from([0xff, 0xda])));
    expect(scan(copy).equals(scan(original))).toBe(true);
  });

  it('adds no EXIF at all when the photo is upright or has none', () => {
    for (const original of [jpegWithExif({ artist: 'X', orientation: 1 }), jpegWithExif({ artist: 'X' })]) {
      const copy = stripJpeg(original);
      expect(copy.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);
    }
  });

  it('ignores a malformed EXIF block instead of trusting it', () => {
    expect(exifOrientation(Buffer.from('Exif\0\0MM\0*\xff\xff\xff\xff', 'latin1'))).toBeNull();
    expect(exifOrientation(Buffer.from('Exif\0\0XX', 'latin1'))).toBeNull();
  });
});
