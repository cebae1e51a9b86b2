package dev.lifeline.server.app;

import dev.lifeline.model.codec.JsonCodec;
import io.javalin.json.JsonMapper;
import java.lang.reflect.Type;

/** Javalin's {@code ctx.json(...)} and body decoding go through the one shared codec. */
final class CodecJsonMapper implements JsonMapper {

    private final JsonCodec codec;

    CodecJsonMapper(JsonCodec codec) {
        this.codec = codec;
    }

    @Override
    public String toJsonString(Object value, Type type) {
        return codec.encode(value);
    }

    @Override
    public <T> T fromJsonString(String json, Type type) {
        return codec.decode(json, type);
    }
}
