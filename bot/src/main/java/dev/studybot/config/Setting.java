package dev.studybot.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component as a key of {@code config/studybot.yml}: the one place that names the environment
 * variable overriding it and the kind of value it takes. Its key is the component's name in snake_case, under
 * the snake_case name of the enclosing section.
 */
@Retention(RetentionPolicy.RUNTIME)
// PARAMETER: Java copies the annotation onto the canonical constructor, where Jackson looks for a deserializer.
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@interface Setting {

    /** The environment variable that overrides the key. */
    String env();

    /** How the value is read and checked. */
    Kind kind();
}
