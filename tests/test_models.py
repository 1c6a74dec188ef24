import pytest
from pydantic import ValidationError

from sci_diplo.models import FigureRecord, Mention, Store, records_adapter, records_json_schema
from tests.factories import claim, figure, programme


def test_union_round_trips_each_kind():
    records = [figure(), programme(), claim()]
    data = records_adapter().dump_json(records)
    back = records_adapter().validate_json(data)
    assert [r.kind for r in back] == ["figure", "programme", "claim"]
    assert back == records


def test_schema_names_every_kind_and_contract_fields():
    schema = records_json_schema()
    defs = schema["$defs"]
    assert {"FigureRecord", "ProgrammeRecord", "ClaimRecord", "Mention"} <= set(defs)
    assert {"value", "unit", "qualifier", "upper", "countries", "date"} <= set(defs["FigureRecord"]["properties"])
    assert {"name", "aliases", "category", "countries"} <= set(defs["ProgrammeRecord"]["properties"])
    assert {"text", "date", "countries", "figures", "programmes"} <= set(defs["ClaimRecord"]["properties"])
    assert {"path", "doc_id", "start", "end", "sentence"} <= set(defs["Mention"]["properties"])
    assert schema["items"]["discriminator"]["propertyName"] == "kind"


def test_extra_fields_are_refused():
    data = figure().model_dump()
    data["colour"] = "red"
    with pytest.raises(ValidationError, match="colour"):
        FigureRecord.model_validate(data)


@pytest.mark.parametrize("field,value", [("qualifier", "lots"), ("countries", ["china"])])
def test_bad_values_are_refused(field, value):
    data = figure().model_dump()
    data[field] = value
    with pytest.raises(ValidationError):
        FigureRecord.model_validate(data)


def test_mention_end_before_start_is_refused():
    with pytest.raises(ValidationError, match="before its start"):
        Mention(path="a", doc_id="x", start=10, end=5, sentence="s")


def test_store_has_format_and_version():
    store = Store()
    assert store.format == "sci_diplo.facts" and store.version == 1
