package dev.lifeline.server.callbacks;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * A number a caller typed on their keypad for their callback (issue 20 item 1), read as the contact centre's own
 * country would dial it: national ({@code 020 7946 0018} in GB), or with that country's international prefix
 * ({@code 011 44 …} from the US). Only a number valid in its country's numbering plan is kept, in E.164.
 */
public final class TypedNumbers {

    private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();

    private final String defaultCountry;

    /** @param defaultCountry the ISO 3166 region of a number typed without its country code ({@code callbacks.default-country}) */
    public TypedNumbers(String defaultCountry) {
        this.defaultCountry = defaultCountry;
    }

    /** The typed digits as an E.164 number, or empty when they are not one that can be called. */
    public Optional<String> e164(String digits) {
        if (digits == null || !digits.matches("[0-9]{3,20}")) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = PHONE_NUMBERS.parse(digits, defaultCountry);
            return PHONE_NUMBERS.isValidNumber(number)
                    ? Optional.of(PHONE_NUMBERS.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** A number read aloud one character at a time ({@code + 4 4 2 0 …}), so a caller can check it. */
    public static String spoken(String number) {
        return String.join(" ", number.split(""));
    }
}
