package org.opengallery.protocol.cipher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class Sha1PrngProperties {

    @Property(tries = 500)
    void streamEqualsTheJdkSha1PrngForAnySeedAndAnyWayOfDrawingIt(
            @ForAll("seeds") byte[] seed, @ForAll("chunkSizes") List<Integer> chunkSizes) throws Exception {
        SecureRandom jdk = SecureRandom.getInstance("SHA1PRNG", "SUN");
        jdk.setSeed(seed);
        Sha1Prng ours = new Sha1Prng(seed);
        for (int size : chunkSizes) {
            byte[] expected = new byte[size];
            jdk.nextBytes(expected);
            assertThat(ours.nextBytes(size)).isEqualTo(expected);
        }
    }

    @Example
    void aLongStreamEqualsTheJdkSha1Prng() throws Exception {
        // 50,000 blocks: plenty of state bytes whose signed sum carries -1, which a plain unsigned addition gets wrong.
        byte[] seed = "opengallery".getBytes(StandardCharsets.UTF_8);
        SecureRandom jdk = SecureRandom.getInstance("SHA1PRNG", "SUN");
        jdk.setSeed(seed);
        byte[] expected = new byte[1_000_000];
        jdk.nextBytes(expected);
        assertThat(new Sha1Prng(seed).nextBytes(expected.length)).isEqualTo(expected);
    }

    @Example
    void firstBlockIsSha1OfSha1OfTheSeed() throws GeneralSecurityException {
        byte[] seed = {1, 2, 3};
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        byte[] expected = sha1.digest(sha1.digest(seed));
        assertThat(new Sha1Prng(seed).nextBytes(20)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<byte[]> seeds() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    }

    @Provide
    Arbitrary<List<Integer>> chunkSizes() {
        return Arbitraries.integers().between(0, 70).list().ofMinSize(1).ofMaxSize(12);
    }
}
