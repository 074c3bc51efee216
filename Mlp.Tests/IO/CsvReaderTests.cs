using SimdMlp.IO;

namespace SimdMlp.Tests.IO;

public sealed class CsvReaderTests
{
    private static Dataset Classify(string text, CsvOptions? options = null) =>
        CsvReader.ReadClassification(new StringReader(text), "data.csv", options);

    private static InvalidDataException Rejected(string text, CsvOptions? options = null) =>
        Assert.Throws<InvalidDataException>(() => Classify(text, options));

    [Fact]
    public void Headerless_file_takes_the_last_column_as_label()
    {
        Dataset data = Classify("0.5,1e-3,2\n-1,  3 ,0\n");

        Assert.Equal((2, 2, 3), (data.Count, data.FeatureCount, data.ClassCount));
        Assert.Equal([0.5f, 1e-3f, -1f, 3f], data.Features);
        Assert.Equal([2, 0], data.Labels);
    }

    [Fact]
    public void Header_is_detected_and_skipped()
    {
        Dataset data = Classify("a,b,label\n1,2,1\n3,4,0\n");
        Assert.Equal([1f, 2f, 3f, 4f], data.Features);
        Assert.Equal([1, 0], data.Labels);
    }

    [Fact]
    public void Named_label_column_may_be_anywhere()
    {
        Dataset data = Classify("\"class\",x,y\r\n2,0.25,0.5\r\n1,-0.25,1.5\r\n", new CsvOptions { LabelColumn = "class" });
        Assert.Equal([0.25f, 0.5f, -0.25f, 1.5f], data.Features);
        Assert.Equal([2, 1], data.Labels);
    }

    [Fact]
    public void Empty_lines_are_skipped_and_lines_are_counted_in_the_file()
    {
        var e = Rejected("\n  \nx,y\n\n1,0\n\n2,oops\n");
        Assert.Equal("data.csv: line 7, column 2 ('y'): 'oops' is not a class index (a non-negative integer).", e.Message);
    }

    [Fact]
    public void Malformed_number_names_line_and_column()
    {
        var e = Rejected("1,2,0\n3,4x,1\n");
        Assert.Equal("data.csv: line 2, column 2: '4x' is not a finite number.", e.Message);
    }

    [Fact]
    public void Non_finite_numbers_are_rejected()
    {
        Assert.Contains("line 1, column 1: 'NaN' is not a finite number", Rejected("NaN,0\n").Message);
        Assert.Contains("line 2, column 1 ('x'): 'Infinity' is not a finite number", Rejected("x,y\nInfinity,0\n", new CsvOptions { HasHeader = true }).Message);
    }

    [Fact]
    public void Numbers_use_the_invariant_culture_whatever_the_current_one()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal([1.5f], Classify("1.5,0\n").Features);
            Assert.Contains("'1,5' is not", Rejected("x;label\n1,5;0\n", new CsvOptions { Separator = ';' }).Message);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Wrong_field_count_names_both_lines()
    {
        var e = Rejected("a,b,c\n1,2,0\n1,2\n");
        Assert.Equal("data.csv: line 3: has 2 fields, but line 1 has 3 (separator ',').", e.Message);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("2147483647")]
    [InlineData("")]
    public void Label_must_be_a_class_index(string label) =>
        Assert.StartsWith($"data.csv: line 2, column 2: '{label}' is not", Rejected($"1,0\n1,{label}\n").Message);

    [Fact]
    public void Integral_float_labels_are_accepted() => Assert.Equal([3], Classify("1,3.0\n").Labels);

    [Fact]
    public void Unknown_label_column_lists_the_header()
    {
        var e = Rejected("a,b\n1,0\n", new CsvOptions { LabelColumn = "target" });
        Assert.Equal("data.csv: line 1: the header has no column 'target'; it has 'a', 'b'.", e.Message);
    }

    [Fact]
    public void Named_label_column_needs_a_header()
    {
        var e = Rejected("1,0\n", new CsvOptions { LabelColumn = "label" });
        Assert.StartsWith("data.csv: line 1: the label column 'label' is chosen by name, but the file has no header row", e.Message);
    }

    [Fact]
    public void Numeric_header_can_be_declared()
    {
        Dataset data = Classify("1,2\n5,1\n", new CsvOptions { HasHeader = true });
        Assert.Equal(1, data.Count);
        Assert.Equal([5f], data.Features);
    }

    [Fact]
    public void Empty_and_header_only_files_are_rejected()
    {
        Assert.Equal("data.csv: the file has no rows.", Rejected("\n\n").Message);
        Assert.Equal("data.csv: the file has a header but no data rows.", Rejected("x,label\n").Message);
        Assert.StartsWith("data.csv: line 1: needs at least one feature and a label", Rejected("1\n2\n").Message);
    }

    [Fact]
    public void Class_count_option_widens_and_checks()
    {
        Assert.Equal(10, Classify("1,3\n", new CsvOptions { ClassCount = 10 }).ClassCount);
        Assert.Equal("data.csv: data row 2 has class 3, but the class count is 3.",
            Rejected("1,0\n2,3\n", new CsvOptions { ClassCount = 3 }).Message);
    }

    [Fact]
    public void Regression_reads_float_targets()
    {
        RegressionDataset data = CsvReader.ReadRegression(new StringReader("x,y,price\n1,2,3.25\n4,5,-1e2\n"), "r.csv",
            new CsvOptions { LabelColumn = "price" });

        Assert.Equal((2, 2, 1), (data.Count, data.FeatureCount, data.TargetCount));
        Assert.Equal([3.25f, -100f], data.Targets);
        Assert.Equal("r.csv: line 2, column 3 ('price'): 'n/a' is not a finite number.",
            Assert.Throws<InvalidDataException>(() => CsvReader.ReadRegression(new StringReader("x,y,price\n1,2,n/a\n"), "r.csv")).Message);
    }

    [Fact]
    public void Files_are_read_by_path_with_a_byte_order_mark()
    {
        using var folder = new TempFolder();
        string path = folder.File("data.csv");
        File.WriteAllText(path, "label,x\n1,0.5\n", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        Dataset data = CsvReader.ReadClassification(path, new CsvOptions { LabelColumn = "label" });

        Assert.Equal([1], data.Labels);
        Assert.Contains(path + ": line 2", Assert.Throws<InvalidDataException>(() => CsvReader.ReadClassification(path)).Message);
    }
}
