import { Injectable } from '@nestjs/common';
import * as QRCode from 'qrcode';

// Every holder who opened the app this week, several certificates each; at ~4 KB an image the
// cap bounds the store near 20 MB. Beyond it the least recently shown goes.
export const QR_IMAGE_STORE_MAX_ENTRIES = 5_000;

// Draws the QR of a verify URL as a PNG data URL; its own class so a test can count renders.
@Injectable()
export class QrImageRenderer {
  render(text: string): Promise<string> {
    // M: survives a scratched phone screen; the URL is short enough for a small code.
    return QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: 360 });
  }
}

/**
 * Verify URL → its QR image, rendered once per instance: the image depends on nothing but the
 * URL, so it can never be stale for the URL it is stored under. A certificate whose code or
 * base URL changed asks for another URL and gets a fresh render. Renders in flight are shared,
 * so a burst of requests for one certificate renders it once; a failed render is not kept.
 */
@Injectable()
export class QrImageStore {
  private readonly images = new Map<string, Promise<string>>();

  constructor(private readonly renderer: QrImageRenderer) {}

  get size(): number {
    return this.images.size;
  }

  imageOf(verifyUrl: string): Promise<string> {
    const known = this.images.get(verifyUrl);
    if (known) {
      // Re-inserted so the Map's order stays least recently used first.
      this.images.delete(verifyUrl);
      this.images.set(verifyUrl, known);
      return known;
    }
    const rendering = this.renderer.render(verifyUrl);
    this.images.set(verifyUrl, rendering);
    rendering.catch(() => {
      if (this.images.get(verifyUrl) === rendering) this.images.delete(verifyUrl);
    });
    while (this.images.size > QR_IMAGE_STORE_MAX_ENTRIES) {
      const oldest = this.images.keys().next().value;
      if (oldest === undefined) break;
      this.images.delete(oldest);
    }
    return rendering;
  }
}
