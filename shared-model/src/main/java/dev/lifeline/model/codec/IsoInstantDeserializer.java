package dev.lifeline.model.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;

/**
 * Reads instants only from ISO-8601 text. Jackson's own deserializer also takes bare numbers as epoch seconds,
 * which turns a peer's epoch milliseconds into a date 50,000 years away instead of an error.
 */
final class IsoInstantDeserializer extends StdScalarDeserializer<Instant> {

    IsoInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
        return (Instant) context.handleUnexpectedToken(Instant.class, parser);
    }
}
