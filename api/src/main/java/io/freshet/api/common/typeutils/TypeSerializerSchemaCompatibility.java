package io.freshet.api.common.typeutils;

/**
 * The verdict on whether a new serializer can read state written by an old one:
 * <ul>
 *   <li>compatible as is: the new serializer reads the old bytes directly;</li>
 *   <li>compatible after migration: the state must be read with the old serializer and rewritten with the new;</li>
 *   <li>compatible with a reconfigured serializer: a variant of the new serializer (for example with the old
 *       registration order) reads the old bytes;</li>
 *   <li>incompatible: the job cannot restore this state and must fail with a clear error.</li>
 * </ul>
 */
public class TypeSerializerSchemaCompatibility<T> {

    private enum Kind { COMPATIBLE_AS_IS, COMPATIBLE_AFTER_MIGRATION, COMPATIBLE_WITH_RECONFIGURED_SERIALIZER, INCOMPATIBLE }

    private final Kind kind;
    private final TypeSerializer<T> reconfiguredSerializer;

    private TypeSerializerSchemaCompatibility(Kind kind, TypeSerializer<T> reconfiguredSerializer) {
        this.kind = kind;
        this.reconfiguredSerializer = reconfiguredSerializer;
    }

    public static <T> TypeSerializerSchemaCompatibility<T> compatibleAsIs() {
        return new TypeSerializerSchemaCompatibility<>(Kind.COMPATIBLE_AS_IS, null);
    }

    public static <T> TypeSerializerSchemaCompatibility<T> compatibleAfterMigration() {
        return new TypeSerializerSchemaCompatibility<>(Kind.COMPATIBLE_AFTER_MIGRATION, null);
    }

    public static <T> TypeSerializerSchemaCompatibility<T> compatibleWithReconfiguredSerializer(
            TypeSerializer<T> reconfiguredSerializer) {
        if (reconfiguredSerializer == null) {
            throw new NullPointerException("reconfiguredSerializer");
        }
        return new TypeSerializerSchemaCompatibility<>(Kind.COMPATIBLE_WITH_RECONFIGURED_SERIALIZER, reconfiguredSerializer);
    }

    public static <T> TypeSerializerSchemaCompatibility<T> incompatible() {
        return new TypeSerializerSchemaCompatibility<>(Kind.INCOMPATIBLE, null);
    }

    public boolean isCompatibleAsIs() {
        return kind == Kind.COMPATIBLE_AS_IS;
    }

    public boolean isCompatibleAfterMigration() {
        return kind == Kind.COMPATIBLE_AFTER_MIGRATION;
    }

    public boolean isCompatibleWithReconfiguredSerializer() {
        return kind == Kind.COMPATIBLE_WITH_RECONFIGURED_SERIALIZER;
    }

    public TypeSerializer<T> getReconfiguredSerializer() {
        if (reconfiguredSerializer == null) {
            throw new IllegalStateException("only a compatibleWithReconfiguredSerializer result has a serializer");
        }
        return reconfiguredSerializer;
    }

    public boolean isIncompatible() {
        return kind == Kind.INCOMPATIBLE;
    }

    @Override
    public String toString() {
        return "TypeSerializerSchemaCompatibility{" + kind
                + (reconfiguredSerializer == null ? "" : ", reconfiguredSerializer=" + reconfiguredSerializer) + '}';
    }
}
