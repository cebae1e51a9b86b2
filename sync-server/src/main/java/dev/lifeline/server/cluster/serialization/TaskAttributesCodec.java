package dev.lifeline.server.cluster.serialization;

import dev.lifeline.server.recovery.TaskAttributes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Task attributes as bytes: a JSON object whose values are strings, numbers, booleans, objects and lists. Each value
 * carries a one-byte tag naming its Java type, so a round trip gives back an equal {@link TaskAttributes} (JSON text
 * would turn a {@code 5L} into an {@code Integer} and the record would no longer be equal to itself).
 */
final class TaskAttributesCodec {

    private static final byte STRING = 'S';
    private static final byte INT = 'I';
    private static final byte LONG = 'J';
    private static final byte DOUBLE = 'D';
    private static final byte FLOAT = 'F';
    private static final byte SHORT = 'H';
    private static final byte BYTE = 'B';
    private static final byte BOOLEAN = 'Z';
    private static final byte BIG_DECIMAL = 'd';
    private static final byte BIG_INTEGER = 'i';
    private static final byte OBJECT = 'M';
    private static final byte LIST = 'L';

    private TaskAttributesCodec() {
    }

    static byte[] encode(TaskAttributes attributes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeObject(out, attributes.values());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static TaskAttributes decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            if (in.readByte() != OBJECT) {
                throw new IllegalArgumentException("task attributes must be a JSON object");
            }
            return new TaskAttributes(readObject(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeObject(DataOutputStream out, Map<?, ?> object) throws IOException {
        out.writeByte(OBJECT);
        out.writeInt(object.size());
        for (Map.Entry<?, ?> entry : object.entrySet()) {
            writeString(out, String.valueOf(entry.getKey()));
            writeValue(out, entry.getValue());
        }
    }

    private static void writeValue(DataOutputStream out, Object value) throws IOException {
        if (value instanceof String s) {
            out.writeByte(STRING);
            writeString(out, s);
        } else if (value instanceof Integer n) {
            out.writeByte(INT);
            out.writeInt(n);
        } else if (value instanceof Long n) {
            out.writeByte(LONG);
            out.writeLong(n);
        } else if (value instanceof Double n) {
            out.writeByte(DOUBLE);
            out.writeDouble(n);
        } else if (value instanceof Float n) {
            out.writeByte(FLOAT);
            out.writeFloat(n);
        } else if (value instanceof Short n) {
            out.writeByte(SHORT);
            out.writeShort(n);
        } else if (value instanceof Byte n) {
            out.writeByte(BYTE);
            out.writeByte(n);
        } else if (value instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else if (value instanceof BigDecimal n) {
            out.writeByte(BIG_DECIMAL);
            writeString(out, n.toString());
        } else if (value instanceof BigInteger n) {
            out.writeByte(BIG_INTEGER);
            writeString(out, n.toString());
        } else if (value instanceof Map<?, ?> object) {
            writeObject(out, object);
        } else if (value instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (Object element : list) {
                writeValue(out, element);
            }
        } else {
            throw new IllegalArgumentException("not a task attribute value: " + value.getClass().getName());
        }
    }

    private static Map<String, Object> readObject(DataInputStream in) throws IOException {
        int size = in.readInt();
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            object.put(readString(in), readValue(in));
        }
        return object;
    }

    private static Object readValue(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case STRING -> readString(in);
            case INT -> in.readInt();
            case LONG -> in.readLong();
            case DOUBLE -> in.readDouble();
            case FLOAT -> in.readFloat();
            case SHORT -> in.readShort();
            case BYTE -> in.readByte();
            case BOOLEAN -> in.readBoolean();
            case BIG_DECIMAL -> new BigDecimal(readString(in));
            case BIG_INTEGER -> new BigInteger(readString(in));
            case OBJECT -> readObject(in);
            case LIST -> {
                int size = in.readInt();
                List<Object> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(readValue(in));
                }
                yield list;
            }
            default -> throw new IllegalArgumentException("unknown task attribute tag " + tag);
        };
    }

    // Length-prefixed UTF-8: writeUTF stops at 64 KB, and a task's attributes may carry longer text.
    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] utf8 = new byte[in.readInt()];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
