using System.Buffers.Binary;

namespace Bagalau.Application.Documents.Layout;

/// <summary>
/// Shrinks a TrueType font to the glyphs the forms can use, once at start-up. Skia's PDF backend
/// here embeds fonts whole (no subsetter in the native build): DejaVu Sans's ~6,000 glyphs made
/// every PDF ~740 KiB and slow to compress. Glyph ids stay as they are; the outlines of glyphs
/// not kept are emptied (loca rebuilt), OpenType layout tables (not used: no shaping) are
/// dropped and the glyph-name table is reduced to version 3.
/// </summary>
internal static class FontSubset
{
    private static readonly HashSet<string> Dropped = ["GPOS", "GSUB", "GDEF", "kern", "FFTM", "hdmx", "VDMX", "LTSH"];

    public static byte[] Reduce(byte[] font, IEnumerable<ushort> keep)
    {
        var span = font.AsSpan();
        int numTables = BinaryPrimitives.ReadUInt16BigEndian(span[4..]);
        var tables = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (var i = 0; i < numTables; i++)
        {
            var record = span.Slice(12 + (16 * i), 16);
            var tag = System.Text.Encoding.ASCII.GetString(record[..4]);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            tables[tag] = span.Slice(offset, length).ToArray();
        }

        var head = tables["head"];
        var longLoca = BinaryPrimitives.ReadInt16BigEndian(head.AsSpan(50)) == 1;
        int numGlyphs = BinaryPrimitives.ReadUInt16BigEndian(tables["maxp"].AsSpan(4));
        var loca = tables["loca"];
        var glyf = tables["glyf"];
        int Offset(int glyph) => longLoca
            ? (int)BinaryPrimitives.ReadUInt32BigEndian(loca.AsSpan(4 * glyph))
            : BinaryPrimitives.ReadUInt16BigEndian(loca.AsSpan(2 * glyph)) * 2;

        // Keep glyph 0 (.notdef), the requested glyphs and the components of composite glyphs.
        var kept = new HashSet<int>();
        var pending = new Stack<int>(keep.Select(g => (int)g).Append(0));
        while (pending.Count > 0)
        {
            var g = pending.Pop();
            if (g >= numGlyphs || !kept.Add(g))
            {
                continue;
            }

            var start = Offset(g);
            var end = Offset(g + 1);
            if (end - start < 10 || BinaryPrimitives.ReadInt16BigEndian(glyf.AsSpan(start)) >= 0)
            {
                continue;
            }

            // Composite glyph: walk its component records (OpenType glyf, composite glyph description).
            var p = start + 10;
            while (true)
            {
                var flags = BinaryPrimitives.ReadUInt16BigEndian(glyf.AsSpan(p));
                pending.Push(BinaryPrimitives.ReadUInt16BigEndian(glyf.AsSpan(p + 2)));
                p += 4 + ((flags & 0x0001) != 0 ? 4 : 2);
                p += (flags & 0x0008) != 0 ? 2 : (flags & 0x0040) != 0 ? 4 : (flags & 0x0080) != 0 ? 8 : 0;
                if ((flags & 0x0020) == 0)
                {
                    break;
                }
            }
        }

        using var newGlyf = new MemoryStream();
        var newLoca = new byte[4 * (numGlyphs + 1)];
        for (var g = 0; g < numGlyphs; g++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * g), (uint)newGlyf.Length);
            if (kept.Contains(g))
            {
                var start = Offset(g);
                newGlyf.Write(glyf, start, Offset(g + 1) - start);
                while (newGlyf.Length % 4 != 0)
                {
                    newGlyf.WriteByte(0);
                }
            }
        }

        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * numGlyphs), (uint)newGlyf.Length);
        tables["glyf"] = newGlyf.ToArray();
        tables["loca"] = newLoca;
        head = (byte[])head.Clone();
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), 1);
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(8), 0); // checkSumAdjustment: not verified by renderers
        tables["head"] = head;
        if (tables.TryGetValue("post", out var post) && post.Length >= 32)
        {
            var reduced = post[..32];
            BinaryPrimitives.WriteUInt32BigEndian(reduced, 0x00030000);
            tables["post"] = reduced;
        }

        foreach (var tag in Dropped)
        {
            tables.Remove(tag);
        }

        return Write(BinaryPrimitives.ReadUInt32BigEndian(span), tables);
    }

    private static byte[] Write(uint version, Dictionary<string, byte[]> tables)
    {
        var tags = tables.Keys.OrderBy(t => t, StringComparer.Ordinal).ToList();
        var count = tags.Count;
        var power = 1;
        var log = 0;
        while (power * 2 <= count)
        {
            power *= 2;
            log++;
        }

        using var output = new MemoryStream();
        var header = new byte[12 + (16 * count)];
        BinaryPrimitives.WriteUInt32BigEndian(header, version);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4), (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(6), (ushort)(power * 16));
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(8), (ushort)log);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(10), (ushort)((count * 16) - (power * 16)));
        var offset = header.Length;
        for (var i = 0; i < count; i++)
        {
            var data = tables[tags[i]];
            var record = header.AsSpan(12 + (16 * i));
            System.Text.Encoding.ASCII.GetBytes(tags[i], record);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data.Length);
            offset += (data.Length + 3) & ~3;
        }

        output.Write(header);
        foreach (var tag in tags)
        {
            var data = tables[tag];
            output.Write(data);
            output.Write(new byte[((data.Length + 3) & ~3) - data.Length]);
        }

        return output.ToArray();
    }

    private static uint Checksum(byte[] data)
    {
        uint sum = 0;
        for (var i = 0; i < data.Length; i += 4)
        {
            uint word = 0;
            for (var j = 0; j < 4; j++)
            {
                word = (word << 8) | (i + j < data.Length ? data[i + j] : 0u);
            }

            sum = unchecked(sum + word);
        }

        return sum;
    }
}
