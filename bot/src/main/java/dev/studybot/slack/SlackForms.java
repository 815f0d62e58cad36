package dev.studybot.slack;

import com.google.gson.Gson;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.MultiStaticSelectElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import com.slack.api.util.json.GsonFactory;
import dev.studybot.chat.Form;
import dev.studybot.chat.Shorten;
import dev.studybot.domain.Place;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Form} as a Slack modal ({@code views.open} with the trigger of a slash command or button press): a text
 * field is a {@code plain_text_input}, a select a {@code static_select} or {@code multi_static_select}, each in an
 * input block named after the field, so {@code response_action: errors} can point at it. The modal's callback id is
 * the form's id; the channel it was opened in travels in its {@code private_metadata}, since a submission says
 * nothing of where the member was.
 */
final class SlackForms {

    private static final Logger LOG = LoggerFactory.getLogger(SlackForms.class);
    private static final Gson JSON = GsonFactory.createSnakeCase();
    private static final int MAX_PLACEHOLDER = 150;
    private static final int MAX_OPTION_TEXT = 75;

    private final SlackClients clients;

    SlackForms(SlackClients clients) {
        this.clients = clients;
    }

    /** Where the modal was opened, as its {@code private_metadata} holds it. */
    record Opened(String channelId, String channelName) {
    }

    /** Opens {@code form} for the member whose action gave {@code triggerId}; false when Slack refuses (then say it). */
    boolean open(String triggerId, Form form, Place place) {
        if (triggerId == null || triggerId.isBlank()) {
            return false;
        }
        try {
            ViewsOpenResponse response = clients.of(place.groupId()).viewsOpen(r -> r.triggerId(triggerId).view(view(form, place)));
            if (!response.isOk()) {
                LOG.warn("Slack views.open failed: {}", response.getError());
            }
            return response.isOk();
        } catch (IOException | SlackApiException | RuntimeException e) {
            LOG.warn("Could not open a Slack modal: {}", e.toString());
            return false;
        }
    }

    static View view(Form form, Place place) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (Form.Field field : form.fields()) {
            blocks.add(InputBlock.builder().blockId(field.name()).label(plain(field.label())).optional(!field.required())
                    .element(element(field)).build());
        }
        return View.builder().type("modal").callbackId(form.id()).title(ViewTitle.builder().type("plain_text")
                        .text(form.title()).build())
                .submit(ViewSubmit.builder().type("plain_text").text(form.submitLabel()).build())
                .close(ViewClose.builder().type("plain_text").text("Cancel").build())
                .privateMetadata(JSON.toJson(new Opened(place.channelId(), place.channelName())))
                .blocks(blocks).build();
    }

    private static BlockElement element(Form.Field field) {
        if (field instanceof Form.TextField text) {
            return PlainTextInputElement.builder().actionId(text.name())
                    .placeholder(plain(Shorten.to(text.placeholder(), MAX_PLACEHOLDER)))
                    .initialValue(text.initial().isEmpty() ? null : text.initial())
                    .maxLength(text.maxLength() > 0 ? text.maxLength() : null).build();
        }
        Form.Select select = (Form.Select) field;
        List<OptionObject> options = select.options().stream().map(SlackForms::option).toList();
        List<OptionObject> initial = options.stream().filter(option -> select.initial().contains(option.getValue()))
                .toList();
        PlainTextObject placeholder = plain(Shorten.to(select.placeholder(), MAX_PLACEHOLDER));
        if (select.multiple()) {
            return MultiStaticSelectElement.builder().actionId(select.name()).placeholder(placeholder).options(options)
                    .initialOptions(initial.isEmpty() ? null : initial).build();
        }
        return StaticSelectElement.builder().actionId(select.name()).placeholder(placeholder).options(options)
                .initialOption(initial.isEmpty() ? null : initial.get(0)).build();
    }

    private static OptionObject option(Form.Option option) {
        return OptionObject.builder().text(plain(Shorten.to(option.label(), MAX_OPTION_TEXT))).value(option.value())
                .build();
    }

    private static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text).emoji(true).build();
    }

    /** Per field, what the member typed or chose; a field left empty has no values. */
    static Map<String, List<String>> values(ViewSubmissionPayload payload) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        ViewState state = payload.getView() == null ? null : payload.getView().getState();
        if (state == null || state.getValues() == null) {
            return values;
        }
        state.getValues().forEach((block, actions) -> actions.forEach((action, value) -> {
            List<String> given = new ArrayList<>();
            if (value.getValue() != null) {
                given.add(value.getValue());
            }
            if (value.getSelectedOption() != null) {
                given.add(value.getSelectedOption().getValue());
            }
            if (value.getSelectedOptions() != null) {
                value.getSelectedOptions().stream().map(ViewState.SelectedOption::getValue).filter(Objects::nonNull)
                        .forEach(given::add);
            }
            values.put(action, given);
        }));
        return values;
    }

    /** Where the modal was opened; null when its metadata is not the bot's. */
    static Opened opened(ViewSubmissionPayload payload) {
        try {
            Opened opened = JSON.fromJson(payload.getView().getPrivateMetadata(), Opened.class);
            return opened == null || opened.channelId() == null ? null : opened;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
