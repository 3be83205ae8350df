"""The markdown reader on markdown-it-py: one small note per block shape, written for the test.

Each case gives the note, the heading path of every section in order, and every block as
``(heading, line, kind, label, attribute, text)``; lines are 1-based in the file, front
matter included.
"""
import pytest

from extract.read import front_matter_problem, note_from_bytes, read_markdown

CASES = [
    pytest.param(
        "## Deploying\n\nRun the script first.\n\n```bash\n# install the tools\npip install boto3\n## not a heading\n```\n"
        "\nThen check the logs.\n",
        ["Deploying"],
        [("Deploying", 3, "paragraph", "", "", "Run the script first."),
         ("Deploying", 5, "code", "", "", "# install the tools\npip install boto3\n## not a heading"),
         ("Deploying", 11, "paragraph", "", "", "Then check the logs.")],
        id="fenced code: one code block, its # lines no headings"),
    pytest.param(
        "## Setup\n\nThe config file reads:\n\n    # region\n    region = eu-west-1\n\nAmazon S3 keeps the file.\n",
        ["Setup"],
        [("Setup", 3, "paragraph", "", "", "The config file reads:"),
         ("Setup", 5, "code", "", "", "# region\nregion = eu-west-1"),
         ("Setup", 8, "paragraph", "", "", "Amazon S3 keeps the file.")],
        id="indented code block"),
    pytest.param(
        "- Install\n\n  ~~~\n  # a comment\n  ~~~\n- Amazon EC2 runs the build.\n",
        ["Install", ""],
        [("Install", 3, "code", "", "", "# a comment"),
         ("", 6, "bullet", "", "", "Amazon EC2 runs the build.")],
        id="code block inside a list item"),
    pytest.param(
        "## Databases\n\n| Service | Model | Use case |\n|---|---|---|\n| **Amazon DynamoDB** | Key-value | Session state |\n"
        "| Amazon Neptune | Graph | Fraud rings |\n\nAfter the table.\n",
        ["Databases"],
        [("Databases", 5, "table", "Amazon DynamoDB", "Model", "Key-value"),
         ("Databases", 5, "table", "Amazon DynamoDB", "Use case", "Session state"),
         ("Databases", 6, "table", "Amazon Neptune", "Model", "Graph"),
         ("Databases", 6, "table", "Amazon Neptune", "Use case", "Fraud rings"),
         ("Databases", 8, "paragraph", "", "", "After the table.")],
        id="table: a block per cell, about its row, attribute its column"),
    pytest.param(
        "## Compare\n\nAspect | Kinesis | SQS\n--- | --- | ---\nOrdering | Per shard | FIFO queues only\n",
        ["Compare"],
        [("Compare", 5, "table", "Kinesis", "Ordering", "Per shard"),
         ("Compare", 5, "table", "SQS", "Ordering", "FIFO queues only")],
        id="table without outer pipes comparing its columns"),
    pytest.param(
        "## Queues\n\n| Amazon SQS | Pull |\n| Amazon SNS | Push |\n",
        ["Queues"],
        [("Queues", 4, "table", "Amazon SNS", "Pull", "Push")],
        id="pipe rows without a rule line are still a table"),
    pytest.param(
        "## Queues\n\n<!-- TODO: add a diagram\n# not a heading -->\n\nAmazon SQS decouples producers<!-- check -->from "
        "consumers.\n\n<div>Amazon SNS <b>pushes</b> messages.</div>\n",
        ["Queues"],
        [("Queues", 6, "paragraph", "", "", "Amazon SQS decouples producers from consumers."),
         ("Queues", 8, "paragraph", "", "", "Amazon SNS pushes messages.")],
        id="HTML comments give nothing, other HTML gives its text"),
    pytest.param(
        "## Tips\n\n> Amazon EFS is a shared file system.\n> - **Throughput:** Bursting or provisioned.\n\nBack to prose.\n",
        ["Tips"],
        [("Tips", 3, "paragraph", "", "", "Amazon EFS is a shared file system."),
         ("Tips", 4, "bullet", "Throughput", "", "Bursting or provisioned."),
         ("Tips", 6, "paragraph", "", "", "Back to prose.")],
        id="block quote read as its paragraphs and bullets"),
    pytest.param(
        "# Study Guide\n\n## Contents\n\n- [Storage](#storage)\n- [Compute](#compute)\n  - [Lambda](#lambda)\n\n"
        "## Storage\n\nAmazon S3 stores objects.\n",
        ["Storage"],
        [("Storage", 11, "paragraph", "", "", "Amazon S3 stores objects.")],
        id="a table of contents under its heading gives nothing"),
    pytest.param(
        "## Storage\n\n1. [Buckets](#buckets)\n2. [Objects](#objects)\n\nAmazon S3 stores objects in buckets.\n",
        ["Storage"],
        [("Storage", 6, "paragraph", "", "", "Amazon S3 stores objects in buckets.")],
        id="a list of anchor links alone is a table of contents"),
    pytest.param(
        "## Contents\n\n- [Guide](https://example.com/guide)\n- [Buckets](#buckets) explains naming.\n",
        ["Contents"],
        [("Contents", 3, "bullet", "", "", "Guide"), ("Contents", 4, "bullet", "", "", "Buckets explains naming.")],
        id="a list with other links is no table of contents"),
    pytest.param(
        "## Compute\n\n- Instance Families\n  - **Compute optimised:** High CPU to memory ratio.\n  - **Memory optimised:**\n"
        "    - Suited to in-memory caches.\n- **Spot:** Spare capacity at a discount.\n",
        ["Compute", "Compute > Instance Families", "Compute > Instance Families > Memory optimised", "Compute"],
        [("Compute > Instance Families", 4, "bullet", "Compute optimised", "", "High CPU to memory ratio."),
         ("Compute > Instance Families > Memory optimised", 6, "bullet", "", "", "Suited to in-memory caches."),
         ("Compute", 7, "bullet", "Spot", "", "Spare capacity at a discount.")],
        id="nested bullets: titles and labels open sub-headings"),
    pytest.param(
        "## Steps\n\n1. Create a bucket.\n2. Upload the objects,\n   then set a policy.\n\n• Amazon EBS stores blocks.\n",
        ["Steps"],
        [("Steps", 3, "bullet", "", "", "Create a bucket."),
         ("Steps", 4, "bullet", "", "", "Upload the objects, then set a policy."),
         ("Steps", 7, "bullet", "", "", "Amazon EBS stores blocks.")],
        id="numbered items, continued lines and bullet characters"),
    pytest.param(
        "Amazon S3 stores objects.\nAmazon EBS stores blocks\n---\n\nStorage Classes\n---------------\n\nGlacier archives.\n",
        ["", "Storage Classes"],
        [("", 1, "paragraph", "", "", "Amazon S3 stores objects."), ("", 2, "paragraph", "", "", "Amazon EBS stores blocks"),
         ("Storage Classes", 8, "paragraph", "", "", "Glacier archives.")],
        id="text over --- is text and a separator, a title over it a heading"),
]


@pytest.mark.parametrize("text, headings, blocks", CASES)
def test_markdown_blocks(text, headings, blocks):
    _, sections = read_markdown(text, "case.md")
    assert [section.heading for section in sections] == headings
    assert [(s.heading, b.line, b.kind, b.label, b.attribute, b.text) for s in sections for b in s.blocks] == blocks


@pytest.mark.parametrize("text, title, sections, problem", [
    ("---\ntitle: Messaging\ntags: [sqs, sns]\n---\n\n## SNS\n\nAmazon SNS fans out messages.\n",
     "Messaging", [("SNS", 6, 8)], ""),
    ("---\ntitle: [unclosed\n---\n\n## SNS\n\nAmazon SNS fans out messages.\n",
     "", [("SNS", 5, 7)], "front matter is not valid YAML (expected ',' or ']', but got '<stream end>'): ignored"),
    ("---\n- sqs\n- sns\n---\n# Messaging\n\nAmazon SNS fans out messages.\n",
     "Messaging", [("", 7, 7)], "front matter is not a YAML mapping: ignored"),
    ("---\n\n## SNS\n\nAmazon SNS fans out messages.\n", "", [("SNS", 3, 5)], ""),  # never closed: a separator
], ids=["valid", "not YAML", "not a mapping", "unclosed"])
def test_front_matter_gives_the_title_and_keeps_line_numbers(text, title, sections, problem):
    found_title, found = read_markdown(text, "case.md")
    assert found_title == title
    assert [(s.heading, s.line, s.blocks[0].line) for s in found] == sections
    assert front_matter_problem(text) == problem
    assert note_from_bytes("case.md", text.encode(), suffix=".md")[1] == ([problem] if problem else [])


def test_line_numbers_of_sections_and_blocks():
    text = ("# Networking\n\n## VPC\n\nA VPC is an isolated network.\nIt spans every zone of a Region.\n\n"
            "### Subnets\n\n- A subnet lives in one zone.\n  It never spans two.\n\n## Routing\n\n"
            "Route tables\ndirect traffic.\n")
    title, sections = read_markdown(text, "case.md")
    assert title == "Networking"
    assert [(s.heading, s.line) for s in sections] == [("VPC", 3), ("VPC > Subnets", 8), ("Routing", 13)]
    assert [(b.line, b.text) for s in sections for b in s.blocks] == [
        (5, "A VPC is an isolated network."), (6, "It spans every zone of a Region."),
        (10, "A subnet lives in one zone. It never spans two."), (15, "Route tables direct traffic.")]


def test_lists_nested_past_markdown_it_keep_their_text():
    text = "\n".join("  " * depth + f"- Level {depth}" for depth in range(80)) + "\n\n## After\n\nAmazon S3 stores data.\n"
    _, sections = read_markdown(text, "case.md")
    texts = [b.text for s in sections for b in s.blocks] + [s.path[-1] for s in sections if s.path]
    assert {f"Level {depth}" for depth in range(80)} <= set(texts)
    assert ("After", "Amazon S3 stores data.") in [(s.heading, b.text) for s in sections for b in s.blocks]


def test_a_single_level_1_heading_underlined_or_not_is_the_title():
    assert read_markdown("Storage\n=======\n\n## S3\n\nAmazon S3 stores objects.\n", "case.md")[0] == "Storage"
    title, sections = read_markdown("# Storage\n\nText.\n\n# Compute\n\nMore.\n", "case.md")
    assert title == "" and [s.heading for s in sections] == ["Storage", "Compute"]


def test_a_table_cell_knows_the_first_header_which_names_its_rows():
    _, sections = read_markdown("## Databases\n\n| Service | Model |\n|---|---|\n| Amazon Neptune | Graph |\n", "t.md")
    assert [(b.label, b.attribute, b.row_header) for b in sections[0].blocks] == [("Amazon Neptune", "Model", "Service")]
    _, sections = read_markdown("## Compare\n\n| Aspect | Kinesis |\n|---|---|\n| Ordering | Per shard |\n", "t.md")
    assert [b.row_header for b in sections[0].blocks] == [""]  # a column per thing: the rows are attributes


@pytest.mark.parametrize("title, kinds", [
    # in lower case, where a header word is capitalised only as a header ("Wide Column" misled the tagger)
    ("Database families", ["relational database", "key-value database"]),  # the noun before the kind word
    ("Purpose-built databases", ["relational databases", "key-value databases"]),  # a plural title's noun
    ("Compared", ["relational", "key-value"]),  # no noun of kinds: the header alone
])
def test_a_row_of_examples_under_kind_headers_makes_each_example_one_and_the_subject_of_its_column(title, kinds):
    table = ("| | Relational | Key-value |\n|---|---|---|\n| Examples | PostgreSQL | Redis |\n"
             "| Typical use | Transactions | Caching, sessions |\n")
    _, sections = read_markdown(f"## {title}\n\n{table}", "t.md")
    blocks = [(b.label, b.attribute, b.text) for b in sections[0].blocks]
    assert blocks == [("PostgreSQL", "type", kinds[0]), ("Redis", "type", kinds[1]),
                      ("PostgreSQL", "Typical use", "Transactions"), ("Redis", "Typical use", "Caching, sessions")]


def test_a_row_of_sentences_headed_example_is_no_row_of_examples():
    table = ("| Aspect | Bagging | Boosting |\n|---|---|---|\n| Example | Random forests average many trees. | "
             "XGBoost adds trees one by one. |\n")
    _, sections = read_markdown(f"## Ensembles\n\n{table}", "t.md")
    assert [b.label for b in sections[0].blocks] == ["Bagging", "Boosting"]
