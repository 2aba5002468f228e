package io.freshet.api.common.state;

import java.util.Map;

import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeutils.TypeSerializer;

/** Describes a {@link MapState}: its name and key and value types. */
public class MapStateDescriptor<UK, UV> extends StateDescriptor<MapState<UK, UV>, Map<UK, UV>> {

    private static final long serialVersionUID = 1L;

    @SuppressWarnings({"unchecked", "rawtypes"})
    public MapStateDescriptor(String name, Class<UK> keyClass, Class<UV> valueClass) {
        super(name, (Class) Map.class);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public MapStateDescriptor(String name, TypeInformation<UK> keyTypeInfo, TypeInformation<UV> valueTypeInfo) {
        super(name, (Class) Map.class);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public MapStateDescriptor(String name, TypeSerializer<UK> keySerializer, TypeSerializer<UV> valueSerializer) {
        super(name, (Class) Map.class);
    }
}
