using SimdMlp.IO;

namespace SimdMlp.Tests.IO;

/// <summary>AtomicFile: the whole content or the old file, never a part, and no temporary left behind.</summary>
public sealed class AtomicFileTests
{
    [Fact]
    public void A_successful_write_replaces_the_file_and_leaves_only_it()
    {
        using var folder = new TempFolder();
        string path = folder.File("out.txt");
        File.WriteAllText(path, "old");

        AtomicFile.Write(path, stream => stream.Write("new content"u8));

        Assert.Equal("new content", File.ReadAllText(path));
        Assert.Equal(["out.txt"], folder.FileNames());
    }

    [Fact]
    public void A_writer_that_throws_keeps_the_old_file_and_removes_the_temporary()
    {
        using var folder = new TempFolder();
        string path = folder.File("out.txt");
        File.WriteAllText(path, "old");

        var e = Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("half"u8);
            throw new InvalidOperationException("writer failed");
        }));

        Assert.Equal("writer failed", e.Message);
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(["out.txt"], folder.FileNames());
    }

    [Fact]
    public void Empty_path_and_null_writer_are_rejected_by_name()
    {
        Assert.Equal("path", Assert.ThrowsAny<ArgumentException>(() => AtomicFile.Write("", _ => { })).ParamName);
        Assert.Equal("write", Assert.Throws<ArgumentNullException>(() => AtomicFile.Write("x", null!)).ParamName);
    }
}
