namespace ClaimLang.Runtime;

/// <summary>
/// Proleptic Gregorian calendar arithmetic on day numbers that are compatible with
/// <see cref="DateOnly.DayNumber"/> (0001-01-01 is day 0) but extend to any year, including year 0
/// and negative (astronomical) years, which EDTF allows and <see cref="DateOnly"/> cannot hold.
/// </summary>
internal static class EdtfCalendar
{
    /// <summary>Days from 0001-01-01 back to 1970-01-01 (the epoch of the civil-date algorithms below).</summary>
    private const long UnixEpochDayNumber = 719_162;

    private static readonly string[] MonthNames =
    [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ];

    public static string MonthName(int month) => MonthNames[month - 1];

    public static bool IsLeapYear(long year) => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

    public static int DaysInMonth(long year, int month) => month switch
    {
        2 => IsLeapYear(year) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    /// <summary>The day number of a civil date (month 1–12, day 1–31, already validated).</summary>
    public static long DayNumber(long year, int month, int day)
    {
        // Count years from March so that the leap day is the last day of the counted year.
        long y = month <= 2 ? year - 1 : year;
        long era = FloorDiv(y, 400);
        long yearOfEra = y - era * 400;                                        // [0, 399]
        int shiftedMonth = month > 2 ? month - 3 : month + 9;                  // March = 0
        long dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1;               // [0, 365]
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468 + UnixEpochDayNumber;
    }

    /// <summary>The civil date of a day number (inverse of <see cref="DayNumber"/>).</summary>
    public static void ToCivil(long dayNumber, out long year, out int month, out int day)
    {
        long z = dayNumber - UnixEpochDayNumber + 719_468;
        long era = FloorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;                                                  // [0, 146096]
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);    // [0, 365]
        long shiftedMonth = (5 * dayOfYear + 2) / 153;                                      // March = 0
        day = (int)(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
        month = (int)(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    }

    /// <summary>
    /// Formats a day number as <c>yyyy-mm-dd</c>. Years 0000–9999 have four digits; earlier years
    /// are written with a minus sign (<c>-0044-03-15</c>) and later ones with a plus sign
    /// (<c>+12345-01-01</c>), as ISO 8601 does for expanded years.
    /// </summary>
    public static string Format(long dayNumber)
    {
        ToCivil(dayNumber, out long year, out int month, out int day);
        Span<char> buffer = stackalloc char[32];
        int length = 0;
        if (year < 0)
        {
            buffer[length++] = '-';
        }
        else if (year > 9999)
        {
            buffer[length++] = '+';
        }

        ulong magnitude = year < 0 ? (ulong)(-year) : (ulong)year;
        Span<char> digits = stackalloc char[20];
        int digitCount = 0;
        do
        {
            digits[digitCount++] = (char)('0' + (int)(magnitude % 10));
            magnitude /= 10;
        }
        while (magnitude != 0);

        for (int pad = digitCount; pad < 4; pad++)
        {
            buffer[length++] = '0';
        }

        for (int i = digitCount - 1; i >= 0; i--)
        {
            buffer[length++] = digits[i];
        }

        buffer[length++] = '-';
        buffer[length++] = (char)('0' + month / 10);
        buffer[length++] = (char)('0' + month % 10);
        buffer[length++] = '-';
        buffer[length++] = (char)('0' + day / 10);
        buffer[length++] = (char)('0' + day % 10);
        return new string(buffer[..length]);
    }

    private static long FloorDiv(long value, long divisor)
    {
        long quotient = value / divisor;
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient;
    }
}
