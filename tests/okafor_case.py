"""The Okafor family: the case register several end-to-end tests share."""

REGISTER = """\
case: CSPR 2026-03
people:
  - name: Sarah Okafor
    aliases: [Sal]
    role: mother
    gender: female
    date_of_birth: 1991-03-14
  - name: Amara Okafor
    role: subject child
    gender: female
    date_of_birth: 2015-06-02
  - name: Tunde Okafor
    role: father
    gender: male
addresses:
  - address: 27 Birchwood Road, Thornton Heath, CR7 8QT
    residents: [subject child, mother]
"""
