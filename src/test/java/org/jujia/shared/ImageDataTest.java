package org.jujia.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class ImageDataTest {

    static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1 };
    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

    @Test
    void base64AndDataUrlsDecodeToTheSameBytes() {
        String b64 = Base64.getEncoder().encodeToString(JPEG);
        assertThat(ImageData.decodeBase64("photo", b64)).isEqualTo(JPEG);
        assertThat(ImageData.decodeBase64("photo", "data:image/jpeg;base64," + b64)).isEqualTo(JPEG);
        assertThat(ImageData.decodeBase64("photo", "  ")).isEmpty();
        assertThat(ImageData.decodeBase64("photo", null)).isEmpty();
    }

    @Test
    void notBase64IsAProblemNamingTheField() {
        assertThatThrownBy(() -> ImageData.decodeBase64("signaturePng", "***")).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).violations().get(0).field()).isEqualTo("signaturePng"));
    }

    @Test
    void magicBytesTellJpegFromPng() {
        assertThat(ImageData.isJpeg(JPEG)).isTrue();
        assertThat(ImageData.isJpeg(PNG)).isFalse();
        assertThat(ImageData.isPng(PNG)).isTrue();
        assertThat(ImageData.isPng(JPEG)).isFalse();
        assertThat(ImageData.isJpeg(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })).as("too short").isFalse();
        assertThat(ImageData.isPng(new byte[] { (byte) 0x89, 'P', 'N', 'G' })).as("too short").isFalse();
    }
}
