package org.jujia.shared;

import java.util.Base64;

/**
 * Images sent as text in JSON (photos, drawn signatures): base64 or a {@code data:image/…;base64,} URL, decoded with a
 * problem naming the field, and recognised by their magic bytes.
 */
public final class ImageData {

    private ImageData() {
    }

    /** The bytes of a base64 value or data URL; empty for null or blank; a {@link ValidationException} naming {@code field} when not base64. */
    public static byte[] decodeBase64(String field, String value) {
        if (value == null || value.isBlank()) {
            return new byte[0];
        }
        String s = value.strip();
        int comma = s.indexOf(',');
        if (s.startsWith("data:") && comma > 0) {
            s = s.substring(comma + 1);
        }
        try {
            // strict: the MIME decoder would silently skip any character outside the alphabet (garbage → no bytes)
            return Base64.getDecoder().decode(s.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(field, "format", field + " must be base64");
        }
    }

    /** Whether the bytes start like a JPEG (SOI marker FF D8 FF). */
    public static boolean isJpeg(byte[] b) {
        return b != null && b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF;
    }

    /** Whether the bytes start like a PNG (89 'P' 'N' 'G'). */
    public static boolean isPng(byte[] b) {
        return b != null && b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }
}
