"""Each reader turns one note format into sections with heading paths, clean text and lines."""
from extract.read import Boilerplate, looks_like_flashcards, read_flashcards, read_markdown, read_plain, split_front_matter
from extract.vocabulary import CONTENT_DIR

BOILERPLATE = Boilerplate.from_file(CONTENT_DIR / "boilerplate.txt")


def _blocks(sections):
    return [(s.heading, b.line, b.label, b.text) for s in sections for b in s.blocks]


def test_markdown_front_matter_headings_lines_and_boilerplate(fixture_notes):
    text = (fixture_notes / "monitoring.md").read_text()
    title, sections = read_markdown(text, "monitoring.md", BOILERPLATE)
    assert title == "Monitoring Notes"
    blocks = _blocks(sections)
    assert blocks[0] == ("SageMaker > Model Monitor", 11, "",
                         "SageMaker Model Monitor integrates with Amazon CloudWatch. It detects data drift in production.")
    assert ("SageMaker > Model Monitor", 14, "", "You would not use SageMaker Model Registry for model re-training.") in blocks
    texts = " ".join(b[3] for b in blocks)
    assert "Learn more" not in texts and "http" not in texts and "png" not in texts
    # A bullet that reads as a title and has nested lines becomes a sub-heading.
    assert ("SageMaker > Model Monitor > General Purpose", 19, "", "These instances are suitable for training.") in blocks
    # "---" ends the list and the "## Clarify" heading starts a new path.
    assert any(b[0] == "Clarify" and b[3].startswith("Amazon SageMaker Clarify detects bias.") for b in blocks)


def test_markdown_without_front_matter_takes_the_single_h1_as_title():
    title, sections = read_markdown("# Study Notes\n\n## IAM\n\nIAM roles grant access.\n", "n.md")
    assert title == "Study Notes"
    assert [(s.heading, b.text, b.line) for s in sections for b in s.blocks] == [("IAM", "IAM roles grant access.", 5)]


def test_broken_front_matter_yields_no_metadata_but_keeps_the_body():
    meta, body, first_line = split_front_matter("---\ntitle: [unclosed\n---\nBody text.\n")
    assert meta == {} and body.strip() == "Body text." and first_line == 4


def test_markdown_labels_and_numbered_label_headings():
    text = "## Ensembles\n\n1. Stacking:  \nStacking trains a meta-model.\n\n- **Bagging:** Trains models on subsets.\n"
    _, sections = read_markdown(text, "e.md")
    assert _blocks(sections) == [
        ("Ensembles > Stacking", 4, "", "Stacking trains a meta-model."),
        ("Ensembles", 6, "Bagging", "Trains models on subsets."),
    ]


def test_plain_text_index_titles_labels_tables_and_chrome(fixture_notes):
    text = (fixture_notes / "cheat-sheet.txt").read_text()
    title, sections = read_plain(text, "cheat-sheet.txt", BOILERPLATE)
    assert title == "Monitoring Cheat Sheet"
    headings = [s.heading for s in sections]
    assert "AI Services > Amazon Polly > What is Amazon Polly?" in headings
    blocks = _blocks(sections)
    everything = " ".join(f"{h} {label} {t}" for h, _, label, t in blocks)
    assert "Whizlabs" not in everything and "Quick Bytes" not in everything and "https" not in everything
    assert ("AI Services > Amazon Polly > What is Amazon Polly?", 22, "Text-to-Speech Conversion",
            "Transforms written text into spoken words.") in blocks
    assert ("AI Services > Vector Stores", 34, "Amazon MemoryDB", "Supports fast vector storage and retrieval.") in blocks
    assert ("AI Services > Vector Stores", 35, "", "Amazon DocumentDB offers vector search.") in blocks  # HTML stripped
    table = [(s.blocks, b) for s in sections for b in s.blocks if b.kind == "table"]
    assert [(b.label, b.attribute, b.text) for _, b in table] == [
        ("Regression", "Appropriate Algorithm", "Linear Learner, XGBoost"),
        ("Clustering", "Appropriate Algorithm", "K-Means"),
    ]


def test_comparison_table_speaks_of_its_columns():
    text = "Title\n\nCategory\tRAG\tSemantic Search\nOutput\tGenerates responses.\tReturns passages.\n"
    _, sections = read_plain(text, "t.txt")
    cells = [(b.label, b.attribute, b.text) for s in sections for b in s.blocks]
    assert cells == [("RAG", "Output", "Generates responses."), ("Semantic Search", "Output", "Returns passages.")]


def test_flashcards_drop_site_chrome_and_html_duplicates(fixture_notes):
    text = (fixture_notes / "flashcards.txt").read_text()
    assert looks_like_flashcards(text)
    title, sections = read_flashcards(text, "flashcards.txt", BOILERPLATE)
    assert title == "ML Flashcards"
    assert [s.heading for s in sections] == ["Hyperband", "Data Repositories", "Chi Square"]
    assert _blocks(sections) == [
        ("Hyperband", 14, "", "Tuning strategy that reallocates resources. Used for early stopping."),
        ("Data Repositories", 22, "Data Lakes", "Storage repository that holds raw data in its native format. (S3)"),
        ("Chi Square", 30, "", "Chi square is not used to assess correlation."),
    ]


def test_plain_text_is_not_mistaken_for_flashcards(fixture_notes):
    assert not looks_like_flashcards((fixture_notes / "cheat-sheet.txt").read_text())


def test_markdown_pipe_tables_become_table_blocks():
    text = ("## Storage\n\n| Service | Use case |\n|---|---|\n| **Amazon S3** | Data lakes |\n"
            "| Amazon EFS | Shared file systems |\n\nAfter the table.\n")
    _, sections = read_markdown(text, "t.md")
    cells = [(b.label, b.attribute, b.text, b.line) for s in sections for b in s.blocks if b.kind == "table"]
    assert cells == [("Amazon S3", "Use case", "Data lakes", 5), ("Amazon EFS", "Use case", "Shared file systems", 6)]
    assert any(b.text == "After the table." for s in sections for b in s.blocks)


def test_plain_text_titles_without_blank_lines_around_them():
    """A PDF loses blank lines: a short bare line between a finished block and a paragraph,
    a table or a list is still a title, even a lower-case name; a short line inside a
    paragraph is not."""
    text = ("LINUX NOTES\n\nEvery running program is a process.\n"
            "systemd\nsystemd is the system and service manager. It starts units.\n"
            "cron\n• **crond:** runs each job on its schedule\n"
            "A wrapped paragraph goes on\nover here\nand ends at last on this line.\n")
    _, sections = read_plain(text, "linux.txt")
    assert [s.heading for s in sections] == ["", "systemd", "cron"]
    assert sections[1].blocks[0].text.startswith("systemd is the system")
    assert any(b.text.startswith("A wrapped paragraph goes on over here") for b in sections[2].blocks)


def test_a_plain_line_leading_into_a_list_is_a_sentence_not_a_title():
    """"Prometheus ships several exporters, including:" between blank lines reads like a
    title, but it says something of the list under it; "Exporters:" is a title."""
    text = ("MONITORING\n\nPrometheus ships several exporters, including:\n\n- node_exporter\n- blackbox_exporter\n\n"
            "Exporters:\n\n- statsd_exporter\n")
    _, sections = read_plain(text, "monitoring.txt")
    assert [s.heading for s in sections] == ["", "Exporters"]
    assert sections[0].blocks[0].text == "Prometheus ships several exporters, including:"
