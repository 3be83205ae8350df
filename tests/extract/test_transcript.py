"""Transcripts: what reading a note told the registry, replayed with the same effect."""
from extract.assembly import Assembler
from extract.registry import Registry
from extract.transcript import Definition, Lookup, Mention, NoteReading, Part, RegistryRecorder


def test_recorded_mentions_replayed_give_the_registry_reading_directly_gives(vocabulary):
    direct, replayed = Registry(vocabulary), Registry(vocabulary)
    recorder = RegistryRecorder(replayed)
    calls = [("widget drift", "widget drift", "widget drift", 1), ("widget drift", "Widget Drift", "Widget Drift", 1),
             ("widget drift", "widget drift", "widget drift", 1), ("sprocket", "sprocket", "sprockets", 0)]
    for key, name, surface, weight in calls:
        assert recorder.note(key, name, surface, weight=weight) == direct.note(key, name, surface, weight=weight)
    recorder.define("widget drift", "Widget drift is a change in accuracy.")
    recorder.define("widget drift", "Widget drift is a second definition.")
    direct.define("widget drift", "Widget drift is a change in accuracy.")
    direct.define("widget drift", "Widget drift is a second definition.")
    assert replayed.entity("widget drift").aliases == ()  # reading left the registry as it was
    reading = NoteReading({"": recorder.part()}, recorder.topics)
    assert len(reading.transcript().registry_notes) == 5  # four mentions (two alike, summed into one) and two definitions
    reading.transcript().replay(replayed, Assembler(replayed))
    for key in ("widget drift", "sprocket"):
        assert replayed.entity(key) == direct.entity(key)


def test_a_topic_looked_up_counts_once_with_the_topics_it_looked_up():
    mention = Mention("sagemaker", "SageMaker", "SageMaker")
    reading = NoteReading(
        {"a": Part((), (), (("path", "n", ("SageMaker",)),)), "b": Part((), (), (("path", "n", ("SageMaker",)),))},
        {("path", "n", ("SageMaker",)): Lookup((), (("label", "SageMaker", False),)),
         ("label", "SageMaker", False): Lookup((mention,), ()),
         ("label", "unused", False): Lookup((Definition("x", "X is unused."),), ())},
    )
    assert reading.looked_up() == [("path", "n", ("SageMaker",)), ("label", "SageMaker", False)]
    assert reading.transcript().registry_notes == (mention,)


def test_what_a_lookup_records_is_kept_apart_from_the_part_read(vocabulary):
    recorder = RegistryRecorder(Registry(vocabulary))
    recorder.use(("label", "Model Monitor", False))
    with recorder.resolving(("label", "Model Monitor", False)):
        recorder.note("model monitor", "Model Monitor", "Model Monitor")
        recorder.use(("label", "Monitor", False))
    recorder.note("drift", "drift", "drift")
    part = recorder.part()
    assert [m.name for m in part.registry_notes] == ["drift"]
    assert part.topics == (("label", "Model Monitor", False),)
    lookup = recorder.topics[("label", "Model Monitor", False)]
    assert [m.name for m in lookup.registry_notes] == ["Model Monitor"]
    assert lookup.needs == (("label", "Monitor", False),)
