package dev.studybot.discord;

import dev.studybot.chat.Form;
import dev.studybot.chat.Shorten;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.components.Component;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.label.LabelChildComponent;
import net.dv8tion.jda.api.components.selections.SelectOption;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;

/**
 * A {@link Form} as a Discord modal (interaction callback type 9): each field a label around a short text input or
 * a string select, named after the field; the modal's id is the form's. What comes back (MODAL_SUBMIT) is read into
 * values per field.
 */
final class DiscordForms {

    private static final int MAX_PLACEHOLDER = 100;
    private static final int MAX_OPTION = 100;

    private DiscordForms() {
    }

    static Modal modal(Form form) {
        return Modal.create(form.id(), form.title())
                .addComponents(form.fields().stream().map(field -> Label.of(field.label(), child(field))).toList())
                .build();
    }

    private static LabelChildComponent child(Form.Field field) {
        if (field instanceof Form.TextField text) {
            TextInput.Builder input = TextInput.create(text.name(), TextInputStyle.SHORT)
                    .setPlaceholder(Shorten.to(text.placeholder(), MAX_PLACEHOLDER)).setRequired(text.required());
            if (text.maxLength() > 0) {
                input.setMaxLength(text.maxLength());
            }
            if (!text.initial().isEmpty()) {
                input.setValue(text.initial());
            }
            return input.build();
        }
        Form.Select select = (Form.Select) field;
        return StringSelectMenu.create(select.name())
                .setPlaceholder(Shorten.to(select.placeholder(), MAX_PLACEHOLDER))
                .addOptions(select.options().stream().map(option -> SelectOption.of(
                        Shorten.to(option.label(), MAX_OPTION), option.value())).toList())
                .setDefaultValues(select.initial())
                .setRequiredRange(select.required() ? 1 : 0, select.multiple() ? select.options().size() : 1)
                .setRequired(select.required())
                .build();
    }

    /** Per field, what was typed (one value, none when left empty) or chosen. */
    static Map<String, List<String>> values(List<ModalMapping> mappings) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (ModalMapping mapping : mappings) {
            if (mapping.getType() == Component.Type.TEXT_INPUT) {
                String typed = mapping.getAsString();
                values.put(mapping.getCustomId(), typed.isBlank() ? List.of() : List.of(typed));
            } else if (mapping.getType() == Component.Type.STRING_SELECT) {
                values.put(mapping.getCustomId(), mapping.getAsStringList());
            }
        }
        return values;
    }
}
