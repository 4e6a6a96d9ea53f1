package dev.touchline.sensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Property
    void playerIdRoundTripsThroughSixteenBytes(@ForAll @Size(16) byte[] bytes) {
        PlayerId id = PlayerId.fromBytes(bytes);
        assertArrayEquals(bytes, id.toBytes());
        assertEquals(id, PlayerId.parse(id.toString()));
    }

    @Test
    void playerIdIsBigEndianLikeTheUuidText() {
        PlayerId id = PlayerId.of(UUID.fromString("00112233-4455-6677-8899-aabbccddeeff"));
        assertEquals(0x00, id.toBytes()[0]);
        assertEquals((byte) 0xff, id.toBytes()[15]);
        assertThrows(IllegalArgumentException.class, () -> PlayerId.fromBytes(new byte[15]));
        assertThrows(IllegalArgumentException.class, () -> PlayerId.parse("not-a-uuid"));
    }

    @Test
    void nameBasedIdsAreStable() {
        assertEquals(PlayerId.nameBased("Catapult:1234"), PlayerId.nameBased("Catapult:1234"));
        assertNotEquals(PlayerId.nameBased("Catapult:1234"), PlayerId.nameBased("Catapult:1235"));
    }

    @Test
    void printableIdsRejectEmptyLongAndControlCharacters() {
        assertEquals("M1", MatchId.of("M1").toString());
        assertThrows(IllegalArgumentException.class, () -> MatchId.of(""));
        assertThrows(IllegalArgumentException.class, () -> DeviceId.of("x".repeat(65)));
        assertThrows(IllegalArgumentException.class, () -> DeviceId.of("ab\ncd"));
    }
}
