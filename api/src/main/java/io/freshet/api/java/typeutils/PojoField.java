package io.freshet.api.java.typeutils;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.util.Objects;

import io.freshet.api.common.typeinfo.TypeInformation;

/** One field of a POJO type: the reflective field and its type information. */
public class PojoField implements Serializable {

    private static final long serialVersionUID = 1L;

    private transient Field field;
    private final TypeInformation<?> type;

    public PojoField(Field field, TypeInformation<?> type) {
        this.field = Objects.requireNonNull(field, "field");
        this.type = Objects.requireNonNull(type, "type");
    }

    public Field getField() {
        return field;
    }

    public TypeInformation<?> getTypeInformation() {
        return type;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeObject(field.getDeclaringClass());
        out.writeUTF(field.getName());
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        Class<?> declaringClass = (Class<?>) in.readObject();
        String name = in.readUTF();
        try {
            field = declaringClass.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new IOException("field " + name + " of " + declaringClass.getName() + " no longer exists", e);
        }
    }

    @Override
    public String toString() {
        return "PojoField " + field.getDeclaringClass().getName() + "." + field.getName() + " (" + type + ")";
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof PojoField)) {
            return false;
        }
        PojoField other = (PojoField) obj;
        return field.equals(other.field) && type.equals(other.type);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, type);
    }
}
