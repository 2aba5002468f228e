package io.freshet.api.common.typeutils.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.typeutils.RandomTestData;

class AsciiStringsTest {

    @Test
    void fastCheckIsActiveOnThisJvm() {
        // the build JVM has compact strings; if this fails, StringSerializer silently runs its slower loop
        assertThat(AsciiStrings.usesLatin1Layout()).isTrue();
    }

    @Test
    void nonAsciiCharIsFoundAtEveryPositionOfEveryLength() {
        for (int length = 1; length <= 40; length++) {
            for (int at = 0; at < length; at++) {
                for (char c : new char[] {'\u0080', '\u00FF', '\u0100', '\uFFFF'}) {
                    char[] chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP".substring(0, length).toCharArray();
                    chars[at] = c;
                    String value = new String(chars);
                    assertThat(AsciiStrings.isAscii(value, length)).as("%s at %d of %d", (int) c, at, length).isFalse();
                }
            }
            String ascii = "\u007Fbcdefghijklmnopqrstuvwxyz0123456789ABCDE".substring(0, length);
            assertThat(AsciiStrings.isAscii(ascii, length)).as("ASCII of length %d", length).isTrue();
        }
        assertThat(AsciiStrings.isAscii("", 0)).isTrue();
    }

    @Test
    void agreesWithThePortableLoopOnRandomStrings() {
        RandomTestData data = new RandomTestData();
        Random random = data.random();
        for (int i = 0; i < 2000; i++) {
            String value = random.nextInt(3) == 0 ? latin1String(random, random.nextInt(50)) : data.randomString(50);
            assertThat(AsciiStrings.isAscii(value, value.length()))
                    .as("%s, string #%d", data, i)
                    .isEqualTo(AsciiStrings.charsAreAscii(value, value.length()));
        }
    }

    private static String latin1String(Random random, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) (random.nextInt(50) == 0 ? 0x80 + random.nextInt(0x80) : random.nextInt(0x80));
        }
        return new String(chars);
    }
}
