package dev.lifeline.server.recovery;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names a compiled class refers to, read from its constant pool (JVMS §4.4): every class, every
 * descriptor and every method reference {@code owner.name}. Enough to prove what a class does not use
 * without a bytecode library.
 */
record ConstantPool(List<String> strings, List<String> methodRefs) {

    static ConstantPool read(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        Map<Integer, String> utf8 = new HashMap<>();
        Map<Integer, Integer> classNames = new HashMap<>();
        Map<Integer, int[]> refs = new HashMap<>();
        Map<Integer, int[]> nameAndTypes = new HashMap<>();
        for (int index = 1; index < count; index++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8.put(index, in.readUTF());
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    index++;
                }
                case 7 -> classNames.put(index, in.readUnsignedShort());
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 9, 10, 11 -> refs.put(index, new int[] {in.readUnsignedShort(), in.readUnsignedShort()});
                case 12 -> nameAndTypes.put(index, new int[] {in.readUnsignedShort(), in.readUnsignedShort()});
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 17, 18 -> in.readInt();
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        List<String> methodRefs = new ArrayList<>();
        refs.values().forEach(ref -> {
            String owner = utf8.get(classNames.get(ref[0]));
            String name = utf8.get(nameAndTypes.get(ref[1])[0]);
            methodRefs.add(owner + "." + name);
        });
        return new ConstantPool(List.copyOf(utf8.values()), List.copyOf(methodRefs));
    }
}
