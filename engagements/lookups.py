"""Database lookups shared by every app."""

from django.db.models import IntegerField
from django.db.models.lookups import In


@IntegerField.register_lookup
class IntegerFieldIn(In):
    """``__in`` that leaves out integers outside the column's range.

    Such values cannot match any row. Django's own exact, gt and lt lookups already
    treat them so; without this, ``pk__in=[2**63]`` (a tampered multiple-choice post)
    overflows the SQLite driver and becomes a server error.
    """

    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            internal_type = self.lhs.output_field.get_internal_type()
            low, high = connection.ops.integer_field_range(internal_type)
            self.rhs = [
                value
                for value in self.rhs
                if not isinstance(value, int)
                or ((low is None or value >= low) and (high is None or value <= high))
            ]
        return super().process_rhs(compiler, connection)
