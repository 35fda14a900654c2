using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace ClaimLang.Runtime;

/// <summary>Factory methods for <see cref="EquatableArray{T}"/> (also used by collection expressions).</summary>
public static class EquatableArray
{
    /// <summary>Creates an array holding a copy of <paramref name="items"/>.</summary>
    public static EquatableArray<T> Create<T>(ReadOnlySpan<T> items) => EquatableArray<T>.Create(items);
}

/// <summary>
/// An immutable list with value equality: two arrays are equal when they hold equal items in the same
/// order. The model's records use it so that comparing two datasets compares their content.
/// The default value is an empty array.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
[CollectionBuilder(typeof(EquatableArray), nameof(EquatableArray.Create))]
public readonly struct EquatableArray<T> : IReadOnlyList<T>, IEquatable<EquatableArray<T>>
{
    private readonly T[]? _items;

    private EquatableArray(T[] items) => _items = items;

    /// <summary>The empty array.</summary>
    public static EquatableArray<T> Empty => default;

    /// <summary>Creates an array holding a copy of <paramref name="items"/>.</summary>
    public static EquatableArray<T> Create(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var array = items.ToArray();
        return array.Length == 0 ? default : new EquatableArray<T>(array);
    }

    /// <summary>Creates an array holding a copy of <paramref name="items"/>.</summary>
    public static EquatableArray<T> Create(params ReadOnlySpan<T> items) =>
        items.IsEmpty ? default : new EquatableArray<T>(items.ToArray());

    /// <summary>Wraps an array that the caller promises never to change again (no copy).</summary>
    internal static EquatableArray<T> TakeOwnership(T[] items) =>
        items.Length == 0 ? default : new EquatableArray<T>(items);

    /// <summary>Converts an immutable array.</summary>
    public static implicit operator EquatableArray<T>(ImmutableArray<T> items) =>
        items.IsDefaultOrEmpty ? default : new EquatableArray<T>(items.ToArray());

    /// <summary>Converts an array (the items are copied).</summary>
    public static implicit operator EquatableArray<T>(T[]? items) =>
        items is null || items.Length == 0 ? default : new EquatableArray<T>((T[])items.Clone());

    /// <summary>Converts a list (the items are copied).</summary>
    public static implicit operator EquatableArray<T>(List<T>? items) =>
        items is null || items.Count == 0 ? default : new EquatableArray<T>(items.ToArray());

    /// <summary>The number of items.</summary>
    public int Count => _items?.Length ?? 0;

    /// <summary>The number of items.</summary>
    public int Length => Count;

    /// <summary>True when the array holds no item.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>The item at <paramref name="index"/>.</summary>
    public T this[int index] => (_items ?? [])[index];

    /// <summary>The items as a read-only span.</summary>
    public ReadOnlySpan<T> AsSpan() => _items;

    /// <summary>True when some item equals <paramref name="item"/>.</summary>
    public bool Contains(T item) => IndexOf(item) >= 0;

    /// <summary>The index of the first item equal to <paramref name="item"/>, or -1.</summary>
    public int IndexOf(T item)
    {
        if (_items is null)
        {
            return -1;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < _items.Length; i++)
        {
            if (comparer.Equals(_items[i], item))
            {
                return i;
            }
        }

        return -1;
    }

    /// <inheritdoc />
    public bool Equals(EquatableArray<T> other)
    {
        var left = AsSpan();
        var right = other.AsSpan();
        if (left.Length != right.Length)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < left.Length; i++)
        {
            if (!comparer.Equals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in AsSpan())
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>Value equality.</summary>
    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

    /// <summary>An allocation-free enumerator.</summary>
    public Enumerator GetEnumerator() => new(_items ?? []);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)(_items ?? [])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => (_items ?? []).GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => "[" + string.Join(", ", _items ?? []) + "]";

    /// <summary>Enumerates the items of an <see cref="EquatableArray{T}"/>.</summary>
    public struct Enumerator
    {
        private readonly T[] _items;
        private int _index;

        internal Enumerator(T[] items)
        {
            _items = items;
            _index = -1;
        }

        /// <summary>The current item.</summary>
        public readonly T Current => _items[_index];

        /// <summary>Moves to the next item.</summary>
        public bool MoveNext() => ++_index < _items.Length;
    }
}
