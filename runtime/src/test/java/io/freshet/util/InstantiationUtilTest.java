package io.freshet.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstantiationUtilTest {

    /** Stands in for a user function. */
    public static final class UserFunction implements Serializable {
        private static final long serialVersionUID = 1L;
        final String word;

        public UserFunction(String word) {
            this.word = word;
        }
    }

    @Test
    void objectsAreReadBackEqual() throws Exception {
        List<Object> value = List.of("a", 1, List.of(2L));

        Object copy = InstantiationUtil.deserializeObject(InstantiationUtil.serializeObject(value), getClass().getClassLoader());

        assertThat(copy).isEqualTo(value);
    }

    @Test
    void classesAreResolvedThroughTheGivenClassLoader() throws Exception {
        byte[] bytes = InstantiationUtil.serializeObject(new UserFunction("hello"));
        URL testClasses = UserFunction.class.getProtectionDomain().getCodeSource().getLocation();

        try (URLClassLoader userCodeLoader = new URLClassLoader(new URL[] {testClasses}, ClassLoader.getPlatformClassLoader())) {
            Object copy = InstantiationUtil.deserializeObject(bytes, userCodeLoader);

            assertThat(copy.getClass().getName()).isEqualTo(UserFunction.class.getName());
            assertThat(copy.getClass().getClassLoader()).isSameAs(userCodeLoader);
        }
    }

    @Test
    void aClassMissingFromTheGivenLoaderIsReportedByName() throws Exception {
        byte[] bytes = InstantiationUtil.serializeObject(new UserFunction("hello"));

        assertThatThrownBy(() -> InstantiationUtil.deserializeObject(bytes, ClassLoader.getPlatformClassLoader()))
                .isInstanceOf(ClassNotFoundException.class)
                .hasMessageContaining(UserFunction.class.getName());
    }

    @Test
    void nonSerializableObjectsAreDetected() {
        assertThat(InstantiationUtil.isSerializable(new Object())).isFalse();
        assertThat(InstantiationUtil.isSerializable(new UserFunction("x"))).isTrue();
    }
}
