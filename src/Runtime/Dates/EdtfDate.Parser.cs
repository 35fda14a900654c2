namespace ClaimLang.Runtime;

public readonly partial struct EdtfDate
{
    private const long MillisecondsPerDay = 86_400_000;

    /// <summary>
    /// The most a local time written without a UTC offset can differ from the same clock time written
    /// with one: offsets run from -12:00 to +14:00.
    /// </summary>
    private const long MaxOffsetSpreadMilliseconds = 26L * 60 * 60 * 1000;

    /// <summary>
    /// Parses an EDTF literal (Levels 0 and 1) with a hand-written scanner. Allocates only the result:
    /// the value's text on success, the message on failure.
    /// </summary>
    /// <param name="text">The literal, without surrounding white space.</param>
    /// <returns>
    /// The value, or an error: <see cref="EdtfErrorKind.Malformed"/> when the text is not a date ClaimLang
    /// accepts (a syntax error), <see cref="EdtfErrorKind.Impossible"/> when it is well formed but cannot
    /// exist (<c>2017-02-30</c>, month 13, hour 25, an interval that ends before it starts). A syntax error
    /// anywhere in the text takes precedence over an impossible component.
    /// </returns>
    public static EdtfParseResult Parse(ReadOnlySpan<char> text) => new Parser(text).Run();

    private enum EndKind : byte
    {
        Date,
        Open,
        Unknown,
    }

    /// <summary>One side of an interval, or the whole of a single value.</summary>
    private struct Part
    {
        public EndKind Kind;
        public long Earliest;
        public long Latest;
        public EdtfPrecision Precision;
        public Flags Flags;
        public bool HasZone;
        public long MillisecondOfDay;
        public int OffsetMinutes;
    }

    private ref struct Parser
    {
        private readonly ReadOnlySpan<char> _s;
        private string? _malformed;
        private int _malformedOffset;
        private int _malformedLength;
        private string? _impossible;
        private int _impossibleOffset;
        private int _impossibleLength;

        public Parser(ReadOnlySpan<char> text)
        {
            _s = text;
        }

        public EdtfParseResult Run()
        {
            int n = _s.Length;
            if (n == 0)
            {
                return EdtfParseResult.Fail(EdtfErrorKind.Malformed, "a date cannot be empty", 0, 0);
            }

            int slash = _s.IndexOf('/');
            if (slash < 0)
            {
                if (n == 2 && _s[0] == '.' && _s[1] == '.')
                {
                    Malformed(0, 2, "'..' (an open end) can only stand on one side of an interval, as in 2017/.. or ../2017");
                    return Result();
                }

                if (!ParseSingle(0, n, inInterval: false, out Part single) || _impossible is not null)
                {
                    return Result();
                }

                return EdtfParseResult.Ok(new EdtfDate(
                    _s.ToString(), single.Earliest, single.Latest, single.Earliest, single.Latest, single.Flags, single.Precision));
            }

            int second = _s[(slash + 1)..].IndexOf('/');
            if (second >= 0)
            {
                Malformed(slash + 1 + second, 1, "an interval has exactly one '/'");
                return Result();
            }

            if (!ParseEnd(0, slash, out Part start) || !ParseEnd(slash + 1, n, out Part end))
            {
                return Result();
            }

            if (start.Kind != EndKind.Date && end.Kind != EndKind.Date)
            {
                Malformed(0, n, "an interval needs a date on at least one side, as in 2017/.. or /2017");
                return Result();
            }

            if (_impossible is not null)
            {
                return Result();
            }

            if (start.Kind == EndKind.Date && end.Kind == EndKind.Date && EndsBeforeStart(in start, in end))
            {
                Impossible(
                    slash + 1,
                    n - slash - 1,
                    $"the interval ends ({_s[(slash + 1)..].ToString()}) before it starts ({_s[..slash].ToString()})");
                return Result();
            }

            Flags flags = Flags.Interval | ((start.Flags | end.Flags) & (Flags.Uncertain | Flags.Approximate | Flags.HasTime));
            flags |= start.Kind switch
            {
                EndKind.Open => Flags.StartOpen,
                EndKind.Unknown => Flags.StartUnknown,
                _ => Flags.None,
            };
            flags |= end.Kind switch
            {
                EndKind.Open => Flags.EndOpen,
                EndKind.Unknown => Flags.EndUnknown,
                _ => Flags.None,
            };
            EdtfPrecision precision = start.Kind == EndKind.Date ? start.Precision : end.Precision;
            return EdtfParseResult.Ok(new EdtfDate(
                _s.ToString(), start.Earliest, start.Latest, end.Earliest, end.Latest, flags, precision));
        }

        private readonly EdtfParseResult Result() => _malformed is not null
            ? EdtfParseResult.Fail(EdtfErrorKind.Malformed, _malformed, _malformedOffset, _malformedLength)
            : EdtfParseResult.Fail(EdtfErrorKind.Impossible, _impossible!, _impossibleOffset, _impossibleLength);

        /// <summary>Records a syntax error (the first one wins) and returns false so callers can stop.</summary>
        private bool Malformed(int offset, int length, string message)
        {
            if (_malformed is null)
            {
                _malformed = message;
                _malformedOffset = offset;
                _malformedLength = length;
            }

            return false;
        }

        /// <summary>Records an impossible component (the first one wins); parsing goes on to find syntax errors.</summary>
        private void Impossible(int offset, int length, string message)
        {
            if (_impossible is null)
            {
                _impossible = message;
                _impossibleOffset = offset;
                _impossibleLength = length;
            }
        }

        private bool ParseEnd(int start, int end, out Part part)
        {
            if (start == end)
            {
                part = default;
                part.Kind = EndKind.Unknown;
                return true;
            }

            if (_s[start] == '.')
            {
                if (end - start == 2 && _s[start + 1] == '.')
                {
                    part = default;
                    part.Kind = EndKind.Open;
                    return true;
                }

                part = default;
                return Malformed(start, end - start, "an interval end is a date, '..' (open) or nothing (unknown)");
            }

            return ParseSingle(start, end, inInterval: true, out part);
        }

        private bool ParseSingle(int start, int end, bool inInterval, out Part part)
        {
            part = default;
            part.Kind = EndKind.Date;
            int p = start;
            if (_s[p] == 'Y')
            {
                return ParseLongYear(start, end, inInterval, ref part);
            }

            bool negative = _s[p] == '-';
            if (negative)
            {
                p++;
            }

            // Year: four characters, digits or X.
            int yearStart = p;
            int run = RunOfDigitsOrX(p, end);
            if (run != 4)
            {
                return YearLengthError(start, yearStart, run, end);
            }

            int xCount = 0;
            int firstX = -1;
            long lowYear = 0;
            long highYear = 0;
            for (int i = yearStart; i < yearStart + 4; i++)
            {
                char c = _s[i];
                if (c == 'x')
                {
                    return Malformed(i, 1, "unspecified digits are written with an upper-case X");
                }

                int low = c == 'X' ? 0 : c - '0';
                int high = c == 'X' ? 9 : c - '0';
                if (c == 'X')
                {
                    xCount++;
                    firstX = firstX < 0 ? i : firstX;
                }

                lowYear = lowYear * 10 + low;
                highYear = highYear * 10 + high;
            }

            if (xCount > 0 && (xCount == 3 || firstX + xCount != yearStart + 4))
            {
                return Malformed(yearStart, 4, "only the last one or two digits of a year, or all four, can be X at EDTF Level 1 (201X, 20XX, XXXX)");
            }

            if (negative && xCount == 4)
            {
                return Malformed(start, 5, "the unspecified year XXXX cannot have a minus sign");
            }

            if (negative && highYear == 0)
            {
                return Malformed(start, 5, "year -0000 is not allowed; write 0000");
            }

            if (negative)
            {
                (lowYear, highYear) = (-highYear, -lowYear);
            }

            p = yearStart + 4;
            int yearEnd = p;
            if (xCount > 0)
            {
                part.Flags |= Flags.Unspecified;
            }

            if (p == end)
            {
                SetRange(ref part, lowYear, 1, 1, highYear, 12, 31, EdtfPrecision.Year);
                return Finish(start, end, inInterval, ref part);
            }

            if (IsQualifier(_s[p]))
            {
                SetRange(ref part, lowYear, 1, 1, highYear, 12, 31, EdtfPrecision.Year);
                return Qualifier(p, end, start, inInterval, ref part);
            }

            if (_s[p] != '-')
            {
                return Unexpected(p, "the year");
            }

            // Month (or season): two characters, digits or XX.
            int monthStart = p + 1;
            run = RunOfDigitsOrX(monthStart, end);
            if (run != 2)
            {
                return ComponentLengthError(p, monthStart, run, end, "month");
            }

            if (xCount is 1 or 2)
            {
                return Malformed(p, end - p, "a year with unspecified digits (201X, 20XX) cannot have a month at EDTF Level 1");
            }

            char m1 = _s[monthStart];
            char m2 = _s[monthStart + 1];
            if (m1 == 'x' || m2 == 'x')
            {
                return Malformed(monthStart, 2, "unspecified digits are written with an upper-case X");
            }

            bool monthX = m1 == 'X' && m2 == 'X';
            if (!monthX && (m1 == 'X' || m2 == 'X'))
            {
                return Malformed(monthStart, 2, "a month is either two digits or XX at EDTF Level 1");
            }

            if (xCount == 4 && !monthX)
            {
                return Malformed(monthStart, 2, "after the year XXXX the month must be XX as well");
            }

            int month = 1;
            bool monthValid = monthX;
            if (!monthX)
            {
                int value = ((m1 - '0') * 10) + (m2 - '0');
                if (value is >= 21 and <= 24)
                {
                    return Season(start, monthStart + 2, end, inInterval, lowYear, value, ref part);
                }

                if (value is >= 25 and <= 41)
                {
                    return Malformed(monthStart, 2, $"season {value} is an EDTF Level 2 feature; ClaimLang accepts the seasons 21 to 24");
                }

                if (value is >= 1 and <= 12)
                {
                    month = value;
                    monthValid = true;
                }
                else
                {
                    Impossible(monthStart, 2, $"month {m1}{m2} does not exist (months are 01 to 12, seasons 21 to 24)");
                }
            }

            p = monthStart + 2;
            int daysInMonth = monthX ? 31 : EdtfCalendar.DaysInMonth(lowYear, month);
            if (monthX)
            {
                part.Flags |= Flags.Unspecified;
            }

            if (p == end || IsQualifier(_s[p]))
            {
                if (monthX)
                {
                    SetRange(ref part, lowYear, 1, 1, highYear, 12, 31, EdtfPrecision.Month);
                }
                else
                {
                    SetRange(ref part, lowYear, month, 1, lowYear, month, daysInMonth, EdtfPrecision.Month);
                }

                return p == end ? Finish(start, end, inInterval, ref part) : Qualifier(p, end, start, inInterval, ref part);
            }

            if (_s[p] != '-')
            {
                return Unexpected(p, "the month");
            }

            // Day: two characters, digits or XX.
            int dayStart = p + 1;
            run = RunOfDigitsOrX(dayStart, end);
            if (run != 2)
            {
                return ComponentLengthError(p, dayStart, run, end, "day");
            }

            char d1 = _s[dayStart];
            char d2 = _s[dayStart + 1];
            if (d1 == 'x' || d2 == 'x')
            {
                return Malformed(dayStart, 2, "unspecified digits are written with an upper-case X");
            }

            bool dayX = d1 == 'X' && d2 == 'X';
            if (!dayX && (d1 == 'X' || d2 == 'X'))
            {
                return Malformed(dayStart, 2, "a day is either two digits or XX at EDTF Level 1");
            }

            if (monthX && !dayX)
            {
                return Malformed(dayStart, 2, "after the month XX the day must be XX as well");
            }

            int day = 1;
            if (dayX)
            {
                part.Flags |= Flags.Unspecified;
                if (monthX)
                {
                    SetRange(ref part, lowYear, 1, 1, highYear, 12, 31, EdtfPrecision.Day);
                }
                else
                {
                    SetRange(ref part, lowYear, month, 1, lowYear, month, daysInMonth, EdtfPrecision.Day);
                }
            }
            else
            {
                day = ((d1 - '0') * 10) + (d2 - '0');
                if (day == 0)
                {
                    Impossible(dayStart, 2, "day 00 does not exist (days start at 01)");
                }
                else if (monthValid && day > daysInMonth)
                {
                    string year = _s[start..yearEnd].ToString();
                    Impossible(
                        dayStart,
                        2,
                        month == 2 && day == 29
                            ? $"day 29 does not exist in February {year} ({year} is not a leap year)"
                            : $"day {day} does not exist in {EdtfCalendar.MonthName(month)} {year}");
                }
                else if (day > 31)
                {
                    Impossible(dayStart, 2, $"day {d1}{d2} does not exist (days are 01 to 31)");
                }

                SetRange(ref part, lowYear, month, day, lowYear, month, day, EdtfPrecision.Day);
            }

            p = dayStart + 2;
            if (p == end)
            {
                return Finish(start, end, inInterval, ref part);
            }

            char next = _s[p];
            if (IsQualifier(next))
            {
                return Qualifier(p, end, start, inInterval, ref part);
            }

            if (next == 't')
            {
                return Malformed(p, 1, "the time is introduced by an upper-case T");
            }

            if (next != 'T')
            {
                return Unexpected(p, "the day");
            }

            if (monthX || dayX)
            {
                return Malformed(p, end - p, "a time cannot follow unspecified digits");
            }

            return Time(p, end, start, inInterval, ref part);
        }

        private bool Time(int t, int end, int start, bool inInterval, ref Part part)
        {
            int hourStart = t + 1;
            int run = RunOfDigits(hourStart, end);
            if (run != 2)
            {
                return run == 0
                    ? Malformed(t, 1, "expected a two-digit hour after 'T', as in T07:23")
                    : Malformed(hourStart, run, "the hour must have two digits, as in T07:23");
            }

            int p = hourStart + 2;
            if (p == end || _s[p] != ':')
            {
                return p == end
                    ? Malformed(hourStart, 2, "expected ':' and two-digit minutes after the hour (hh:mm)")
                    : Malformed(p, 1, "expected ':' and two-digit minutes after the hour (hh:mm)");
            }

            int minuteStart = p + 1;
            run = RunOfDigits(minuteStart, end);
            if (run != 2)
            {
                return run == 0
                    ? Malformed(p, 1, "expected two-digit minutes after ':'")
                    : Malformed(minuteStart, run, "the minutes must have two digits");
            }

            p = minuteStart + 2;
            int hour = TwoDigits(hourStart);
            int minute = TwoDigits(minuteStart);
            int second = 0;
            int millisecond = 0;
            bool hasSeconds = false;
            int secondStart = -1;
            if (p < end && _s[p] == ':')
            {
                secondStart = p + 1;
                run = RunOfDigits(secondStart, end);
                if (run != 2)
                {
                    return run == 0
                        ? Malformed(p, 1, "expected two-digit seconds after ':'")
                        : Malformed(secondStart, run, "the seconds must have two digits");
                }

                hasSeconds = true;
                second = TwoDigits(secondStart);
                p = secondStart + 2;
                if (p < end && _s[p] == '.')
                {
                    int fractionStart = p + 1;
                    run = RunOfDigits(fractionStart, end);
                    if (run == 0)
                    {
                        return Malformed(p, 1, "expected digits after the decimal point of the seconds");
                    }

                    for (int i = 0; i < 3; i++)
                    {
                        millisecond = (millisecond * 10) + (i < run ? _s[fractionStart + i] - '0' : 0);
                    }

                    p = fractionStart + run;
                }
            }

            if (hour == 24)
            {
                Impossible(hourStart, 2, "hour 24 is not accepted; write 00:00 of the next day");
            }
            else if (hour > 24)
            {
                Impossible(hourStart, 2, $"hour {hour} does not exist (hours are 00 to 23)");
            }

            if (minute > 59)
            {
                Impossible(minuteStart, 2, $"minute {minute} does not exist (minutes are 00 to 59)");
            }

            if (second == 60)
            {
                Impossible(secondStart, 2, "second 60 (a leap second) is not accepted");
            }
            else if (second > 60)
            {
                Impossible(secondStart, 2, $"second {second} does not exist (seconds are 00 to 59)");
            }

            part.Flags |= Flags.HasTime;
            part.Precision = hasSeconds ? EdtfPrecision.Second : EdtfPrecision.Minute;
            part.MillisecondOfDay = ((((hour * 60L) + minute) * 60) + second) * 1000 + millisecond;

            if (p < end)
            {
                char c = _s[p];
                if (c == 'Z')
                {
                    part.HasZone = true;
                    p++;
                }
                else if (c == '+' || c == '-')
                {
                    if (!Offset(p, end, ref part, out p))
                    {
                        return false;
                    }
                }
                else if (c == 'z')
                {
                    return Malformed(p, 1, "the UTC designator is an upper-case Z");
                }
            }

            if (p < end)
            {
                return IsQualifier(_s[p])
                    ? Malformed(p, 1, "a date with a time cannot be qualified at EDTF Level 1; qualify the date alone")
                    : Unexpected(p, part.HasZone ? "the UTC offset" : "the time");
            }

            return Finish(start, end, inInterval, ref part);
        }

        private bool Offset(int signAt, int end, ref Part part, out int after)
        {
            after = signAt;
            const string Form = "a UTC offset is written +hh:mm, -hh:mm or +hh";
            int hourStart = signAt + 1;
            int run = RunOfDigits(hourStart, end);
            int hours;
            int minutes = 0;
            int minuteStart = -1;
            int p;
            if (run == 2)
            {
                hours = TwoDigits(hourStart);
                p = hourStart + 2;
                if (p < end && _s[p] == ':')
                {
                    minuteStart = p + 1;
                    if (RunOfDigits(minuteStart, end) != 2)
                    {
                        return Malformed(signAt, Math.Min(end, minuteStart + 2) - signAt, Form);
                    }

                    p = minuteStart + 2;
                }
            }
            else if (run == 4)
            {
                hours = TwoDigits(hourStart);
                minuteStart = hourStart + 2;
                p = hourStart + 4;
            }
            else
            {
                return Malformed(signAt, Math.Max(1, run + 1), Form);
            }

            if (minuteStart >= 0)
            {
                minutes = TwoDigits(minuteStart);
            }

            int length = p - signAt;
            bool negative = _s[signAt] == '-';
            int total = (hours * 60) + minutes;
            if (negative && total == 0)
            {
                return Malformed(signAt, length, "a UTC offset of -00:00 is not allowed; write Z or +00:00");
            }

            if (minutes > 59)
            {
                Impossible(minuteStart, 2, $"minute {minutes} of the UTC offset does not exist (minutes are 00 to 59)");
            }
            else if (total > (negative ? 12 * 60 : 14 * 60))
            {
                Impossible(signAt, length, $"UTC offset {_s.Slice(signAt, length).ToString()} does not exist (offsets run from -12:00 to +14:00)");
            }

            part.HasZone = true;
            part.OffsetMinutes = negative ? -total : total;
            after = p;
            return true;
        }

        private bool Season(int start, int p, int end, bool inInterval, long year, int season, ref Part part)
        {
            if (inInterval)
            {
                return Malformed(start, p - start, "a season cannot be an end of an interval at EDTF Level 1; use months instead, as in 2017-03/2017-05");
            }

            if (p < end)
            {
                char c = _s[p];
                if (c == '-')
                {
                    return Malformed(p, end - p, "a season cannot have a day");
                }

                return IsQualifier(c)
                    ? Malformed(p, 1, "a season cannot be qualified at EDTF Level 1")
                    : Unexpected(p, "the season");
            }

            part.Flags |= Flags.Season;
            switch (season)
            {
                case 21: // spring
                    SetRange(ref part, year, 3, 1, year, 5, 31, EdtfPrecision.Season);
                    break;
                case 22: // summer
                    SetRange(ref part, year, 6, 1, year, 8, 31, EdtfPrecision.Season);
                    break;
                case 23: // autumn
                    SetRange(ref part, year, 9, 1, year, 11, 30, EdtfPrecision.Season);
                    break;
                default: // 24, winter: December through February of the next year
                    SetRange(ref part, year, 12, 1, year + 1, 2, EdtfCalendar.DaysInMonth(year + 1, 2), EdtfPrecision.Season);
                    break;
            }

            return true;
        }

        private bool ParseLongYear(int start, int end, bool inInterval, ref Part part)
        {
            int p = start + 1;
            bool negative = p < end && _s[p] == '-';
            if (negative)
            {
                p++;
            }

            int digitStart = p;
            int run = RunOfDigits(digitStart, end);
            if (run == 0)
            {
                return Malformed(start, p - start + (p < end ? 1 : 0), "expected the digits of a year after 'Y', as in Y170000");
            }

            p = digitStart + run;
            if (p < end)
            {
                char c = _s[p];
                if (c == '-')
                {
                    return Malformed(p, end - p, "a Y-prefixed year cannot have a month, season or day");
                }

                if (IsQualifier(c))
                {
                    return Malformed(p, 1, "a Y-prefixed year cannot be qualified at EDTF Level 1");
                }

                return c is 'X' or 'x'
                    ? Malformed(p, 1, "a Y-prefixed year cannot have unspecified digits at EDTF Level 1")
                    : Unexpected(p, "the year");
            }

            if (_s[digitStart] == '0')
            {
                return Malformed(digitStart, run, "a Y-prefixed year cannot start with 0");
            }

            if (run < 5)
            {
                return Malformed(start, end - start, "the Y prefix is for years of five or more digits; write shorter years with four digits, as in 2017");
            }

            if (inInterval)
            {
                return Malformed(start, end - start, "a Y-prefixed year cannot be an end of an interval at EDTF Level 1");
            }

            part.Flags |= Flags.LongYear;
            if (run > 9)
            {
                Impossible(start, end - start, "a Y-prefixed year can have at most nine digits");
                return true;
            }

            long year = 0;
            for (int i = digitStart; i < p; i++)
            {
                year = (year * 10) + (_s[i] - '0');
            }

            year = negative ? -year : year;
            SetRange(ref part, year, 1, 1, year, 12, 31, EdtfPrecision.Year);
            return true;
        }

        private bool Qualifier(int at, int end, int start, bool inInterval, ref Part part)
        {
            if ((part.Flags & Flags.Unspecified) != 0)
            {
                return Malformed(at, 1, "a date with unspecified digits cannot be qualified at EDTF Level 1");
            }

            part.Flags |= _s[at] switch
            {
                '?' => Flags.Uncertain,
                '~' => Flags.Approximate,
                _ => Flags.Uncertain | Flags.Approximate,
            };

            int p = at + 1;
            if (p < end)
            {
                return IsQualifier(_s[p])
                    ? Malformed(p, 1, "only one qualifier is allowed; '%' means both uncertain and approximate")
                    : Malformed(at, 1, "a qualifier must come last and applies to the whole date (qualifying a part of it is EDTF Level 2)");
            }

            return Finish(start, end, inInterval, ref part);
        }

        private bool Finish(int start, int end, bool inInterval, ref Part part)
        {
            if (inInterval && (part.Flags & Flags.Unspecified) != 0)
            {
                return Malformed(start, end - start, "unspecified digits cannot be used in an interval at EDTF Level 1; write whole months or years instead, as in 2017-01/2017-03");
            }

            return true;
        }

        private bool YearLengthError(int start, int yearStart, int run, int end)
        {
            if (run == 0)
            {
                if (yearStart == end)
                {
                    return Malformed(start, end - start, "expected a four-digit year after '-'");
                }

                char c = _s[yearStart];
                return IsQualifier(c)
                    ? Malformed(yearStart, 1, "a qualifier comes after the date, as in 2017?")
                    : Malformed(yearStart, 1, $"expected a four-digit year, found '{c}'");
            }

            if (run < 4)
            {
                return Malformed(yearStart, run, $"a year must have four digits (found {run}); write for example 2017, or 0017 for the year 17");
            }

            return Malformed(yearStart, run, $"a year must have four digits (found {run}); write dates as yyyy-mm-dd, and years after 9999 with a Y prefix, as in Y12345");
        }

        private bool ComponentLengthError(int dash, int componentStart, int run, int end, string component)
        {
            if (run == 0)
            {
                return componentStart == end
                    ? Malformed(dash, 1, $"expected a two-digit {component} after '-'")
                    : Malformed(componentStart, 1, $"expected a two-digit {component} after '-', found '{_s[componentStart]}'");
            }

            if (run == 1 && char.IsAsciiDigit(_s[componentStart]))
            {
                return Malformed(componentStart, 1, $"the {component} must have two digits: write 0{_s[componentStart]}");
            }

            return Malformed(componentStart, run, $"the {component} must have two digits");
        }

        private bool Unexpected(int at, string after)
        {
            char c = _s[at];
            if (c is 'T' or 't')
            {
                return Malformed(at, 1, "a time needs a full date before it, as in 2017-01-28T07:23");
            }

            return char.IsWhiteSpace(c)
                ? Malformed(at, 1, $"unexpected white space after {after}")
                : Malformed(at, 1, $"unexpected '{c}' after {after}");
        }

        private readonly int RunOfDigitsOrX(int from, int end)
        {
            int p = from;
            while (p < end && (char.IsAsciiDigit(_s[p]) || _s[p] is 'X' or 'x'))
            {
                p++;
            }

            return p - from;
        }

        private readonly int RunOfDigits(int from, int end)
        {
            int p = from;
            while (p < end && char.IsAsciiDigit(_s[p]))
            {
                p++;
            }

            return p - from;
        }

        private readonly int TwoDigits(int at) => ((_s[at] - '0') * 10) + (_s[at + 1] - '0');

        private static bool IsQualifier(char c) => c is '?' or '~' or '%';

        private readonly void SetRange(ref Part part, long year1, int month1, int day1, long year2, int month2, int day2, EdtfPrecision precision)
        {
            part.Precision = precision;
            if (_impossible is not null)
            {
                return; // The value will be refused; do not compute with components that do not exist.
            }

            part.Earliest = EdtfCalendar.DayNumber(year1, month1, day1);
            part.Latest = EdtfCalendar.DayNumber(year2, month2, day2);
        }

        private static bool EndsBeforeStart(in Part start, in Part end)
        {
            bool startTime = (start.Flags & Flags.HasTime) != 0;
            bool endTime = (end.Flags & Flags.HasTime) != 0;
            if (startTime && endTime)
            {
                long from = (start.Earliest * MillisecondsPerDay) + start.MillisecondOfDay;
                long to = (end.Earliest * MillisecondsPerDay) + end.MillisecondOfDay;
                if (start.HasZone && end.HasZone)
                {
                    return to - (end.OffsetMinutes * 60_000L) < from - (start.OffsetMinutes * 60_000L);
                }

                // Without offsets both are read in the same (unknown) local time. With an offset on only one
                // side the two clocks may differ by up to 26 hours, so only a larger gap is certainly wrong.
                return start.HasZone == end.HasZone ? to < from : to < from - MaxOffsetSpreadMilliseconds;
            }

            // Day-level check on the days as written; a UTC offset on either side can move a time across
            // midnight, so allow one day of slack then.
            long slack = start.HasZone || end.HasZone ? 1 : 0;
            return end.Latest < start.Earliest - slack;
        }
    }
}
